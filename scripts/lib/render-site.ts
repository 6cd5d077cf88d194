/**
 * Renders the site into dist/ through the compiled Astro app, page by page on both cores,
 * skipping every page whose model (and the templates) are unchanged since the last build,
 * and deleting pages that no longer exist.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ArchiveView } from '../../src/lib/site/archive-view';
import { plannedRoutes } from '../../src/lib/site/routes';

interface RenderJob {
  path: string;
  file: string;
}

interface RenderReply {
  path: string;
  ok: boolean;
  error?: string;
}

export interface RenderOptions {
  view: ArchiveView;
  /** The compiled site: Astro's output folder (server/ and client/). */
  astroDir: string;
  outDir: string;
  cacheDir: string;
  site: string;
  base: string;
  workers?: number;
}

export interface RenderStats {
  /** Every site path the site has. */
  paths: string[];
  pages: number;
  rendered: number;
  removed: number;
}

interface RenderManifest {
  templates: string;
  pages: Record<string, string>;
  assets: string[];
}

const MANIFEST = 'render-manifest.json';
const BATCH = 200;

/** The file a site path is written to: /a/b/ → a/b/index.html, /rss.xml → rss.xml, /404 → 404.html. */
export function outputFile(outDir: string, sitePath: string): string {
  const decoded = decodeURIComponent(sitePath);
  if (decoded.endsWith('/')) return path.join(outDir, decoded, 'index.html');
  return path.join(outDir, path.extname(decoded) ? decoded : `${decoded}.html`);
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function digestFiles(dir: string, files: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(dir, file)))
      .update('\0');
  return hash.digest('hex');
}

async function readManifest(cacheDir: string): Promise<RenderManifest> {
  try {
    return JSON.parse(await readFile(path.join(cacheDir, MANIFEST), 'utf8')) as RenderManifest;
  } catch {
    return { templates: '', pages: {}, assets: [] };
  }
}

/** Runs render jobs on a pool of workers, each holding the compiled site. */
async function renderOnWorkers(jobs: RenderJob[], entry: string, site: string, count: number): Promise<RenderReply[]> {
  if (jobs.length === 0) return [];
  const workerFile = new URL('./render-worker.mjs', import.meta.url);
  const queue: RenderJob[][] = [];
  for (let index = 0; index < jobs.length; index += BATCH) queue.push(jobs.slice(index, index + BATCH));
  const replies: RenderReply[] = [];
  const runners = Array.from({ length: Math.min(count, queue.length) }, async () => {
    const worker = new Worker(workerFile, { workerData: { entry, site } });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const result = await new Promise<RenderReply[]>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.postMessage(batch);
        });
        replies.push(...result);
      }
    } finally {
      await worker.terminate();
    }
  });
  await Promise.all(runners);
  return replies;
}

export async function renderSite(options: RenderOptions): Promise<RenderStats> {
  const { view, astroDir, outDir, cacheDir, site, base } = options;
  const serverDir = path.join(astroDir, 'server');
  const clientDir = path.join(astroDir, 'client');
  const previous = await readManifest(cacheDir);
  const templates = await digestFiles(astroDir, [
    ...(await listFiles(serverDir)).map((file) => path.join('server', file)),
    ...(await listFiles(clientDir)).map((file) => path.join('client', file)),
  ]);

  // Static assets and public files: copy the current ones, remove those of earlier builds.
  const assets = await listFiles(clientDir);
  await mkdir(outDir, { recursive: true });
  await cp(clientDir, outDir, { recursive: true });
  const currentAssets = new Set(assets);
  for (const stale of previous.assets.filter((file) => !currentAssets.has(file))) {
    await rm(path.join(outDir, stale), { force: true });
  }

  const pages: Record<string, string> = {};
  const jobs: RenderJob[] = [];
  const sitePrefix = base.replace(/\/+$/u, '');
  for (const route of plannedRoutes(view)) {
    const digest = createHash('sha256')
      .update(templates)
      .update(JSON.stringify(route.model ?? null))
      .digest('base64url');
    pages[route.path] = digest;
    const file = outputFile(outDir, route.path);
    if (previous.pages[route.path] === digest && previous.templates === templates && existsSync(file)) continue;
    jobs.push({ path: `${sitePrefix}${route.path}`, file });
  }

  let removed = 0;
  for (const stale of Object.keys(previous.pages).filter((sitePath) => !(sitePath in pages))) {
    await rm(outputFile(outDir, stale), { force: true });
    removed++;
  }

  const workers = options.workers ?? Math.max(1, Math.min(2, os.availableParallelism()));
  const replies = await renderOnWorkers(jobs, path.join(serverDir, 'entry.mjs'), site, workers);
  const failures = replies.filter((reply) => !reply.ok);
  if (failures.length > 0) {
    // Forget failed pages so the next build renders them again.
    for (const failure of failures) delete pages[failure.path.slice(sitePrefix.length)];
  }
  await writeFile(path.join(cacheDir, MANIFEST), JSON.stringify({ templates, pages, assets }));
  if (failures.length > 0) {
    const sample = failures.slice(0, 5).map((failure) => `  ${failure.path}: ${failure.error}`);
    throw new Error(`${failures.length} pages failed to render:\n${sample.join('\n')}`);
  }
  return { paths: Object.keys(pages), pages: Object.keys(pages).length, rendered: jobs.length, removed };
}
