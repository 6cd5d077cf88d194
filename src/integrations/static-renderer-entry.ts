/** The compiled site's entry: `render(request)` returns the page Astro renders for that URL. */
import type { SSRManifest } from 'astro';
import { App } from 'astro/app';

export function createExports(manifest: SSRManifest) {
  const app = new App(manifest);
  return {
    render: (request: Request): Promise<Response> => app.render(request),
  };
}
