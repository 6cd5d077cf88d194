/**
 * A build script as one plain JavaScript file, bundled afresh by esbuild each build (a
 * fraction of a second). Processes the build starts many times, or that import many
 * modules, run it instead of TypeScript through tsx: tsx's loader answers each import()
 * from a thread of its own, and takes about half a second to start a process.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as bundle } from 'esbuild';

/** Bundles `entry` (a URL, as import.meta.url gives it) into `<outDir>/<its name>.mjs`; returns the bundle's URL. */
export async function bundleScript(entry: URL, outDir: string): Promise<URL> {
  const source = fileURLToPath(entry);
  const outfile = path.join(outDir, `${path.basename(source, path.extname(source))}.mjs`);
  await bundle({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native addons stay where npm put them.
    external: ['nodejieba'],
    logLevel: 'warning',
  });
  return pathToFileURL(outfile);
}
