/**
 * An Astro adapter whose server entry renders one URL to a Response. The build renders
 * every page of the archive through it (scripts/lib/render-site.ts) on both cores, and
 * re-renders only the pages whose data changed — which Astro's own static build, always
 * re-rendering everything from one bundled content store, cannot do at archive scale.
 */
import type { AstroIntegration } from 'astro';

export function staticRenderer(): AstroIntegration {
  return {
    name: 'archive-static-renderer',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'archive-static-renderer',
          serverEntrypoint: new URL('./static-renderer-entry.ts', import.meta.url),
          exports: ['render', 'prepare'],
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', hybridOutput: 'stable' },
        });
      },
    },
  };
}
