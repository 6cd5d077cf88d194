/** The compiled site's entry: `render(request)` returns the page Astro renders for that URL. */
import type { SSRManifest } from 'astro';
import { App } from 'astro/app';
import { archive } from '../data/archive-store';

export function createExports(manifest: SSRManifest) {
  const app = new App(manifest);
  return {
    render: (request: Request): Promise<Response> => app.render(request),
    /** Reads the archive's index (seconds, at 50,000 articles) before the first page needs it. */
    prepare: (): void => void archive(),
  };
}
