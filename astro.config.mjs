// @ts-check
import { defineConfig, passthroughImageService } from 'astro/config';
import archive from './archive.config.ts';
import { staticRenderer } from './src/integrations/static-renderer.ts';

export default defineConfig({
  site: archive.site,
  base: archive.base,
  trailingSlash: 'ignore',
  // Every page is rendered by the build through the adapter's entry (see static-renderer.ts).
  output: 'server',
  adapter: staticRenderer(),
  outDir: '.cache/astro',
  build: {
    // External stylesheets and scripts keep the site working under a strict Content-Security-Policy.
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  // The archive has no images to optimise; this keeps sharp out of the build.
  image: { service: passthroughImageService() },
  experimental: { liveContentCollections: true },
});
