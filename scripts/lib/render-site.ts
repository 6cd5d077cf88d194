/**
 * Renders the site into dist/ through the compiled Astro app, page by page on both cores,
 * skipping every page whose model (and the templates) are unchanged since the last build,
 * and deleting pages that no longer exist.
 */
import { hash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveView } from '../../src/lib/site/archive-view';
import { plannedRoutes } from '../../src/lib/site/routes';
import type { RenderJob, RenderReply, RenderTask } from './render-worker';
import { defaultWorkers, startWorkers } from './worker-pool';
import { digestFiles } from './files';
import { filesUnder } from './paths';
import { bundleScript } from './bundle-script';

export interface RenderOptions {
  view: ArchiveView;
  /** The compiled site: Astro's output folder (server/ and client/). */
  astroDir: string;
  outDir: string;
  cacheDir: string;
  site: string;
  base: string;
  workers?: number;
  /** Told every site path once the pages are planned, before any is rendered. */
  onPlanned?: (paths: string[]) => void;
}

export interface RenderStats {
  /** Every page of the site by its path, each on disk: found there, or written by this build. */
  pages: string[];
  rendered: number;
  removed: number;
  /** What the pages written by this build link to, for the link check. */
  links: PageLinks;
}

/** Links found in rendered pages: each target once, with a page that links to it. */
export interface PageLinks {
  targets: Map<string, string>;
  fragments: Array<{ page: string; target: string; id: string }>;
  missingIds: Array<{ page: string; id: string }>;
}

interface RenderManifest {
  templates: string;
  pages: Record<string, string>;
  assets: string[];
}

const MANIFEST = 'render-manifest.json';
/**
 * Rendering makes a great many short-lived strings and objects: with a larger young
 * generation more of them die before they are copied (rendering 10,000 articles' site: 4%
 * less CPU, three runs each way; again 31.4 against 33.5 s, medians of four runs in turns;
 * about 100 MB more memory a worker).
 */
const RENDER_NODE_OPTIONS = ['--max-semi-space-size=64'];
const BATCH = 200;
/**
 * A render worker takes about 3 s of a core to load the compiled site and the archive
 * (2.6–3.0 s at 50,000 articles), in which one renders about a thousand pages: a day's few
 * hundred are rendered by one worker, and the second worker's start-up is left out (a day
 * added at 50,000 articles: 16.5 against 20.8 s, medians of three runs in turns).
 */
const SECOND_WORKER_FROM = 1000;

/** The file a site path is written to: /a/b/ → a/b/index.html, /rss.xml → rss.xml, /404 → 404.html. */
export function outputFile(outDir: string, sitePath: string): string {
  const decoded = decodeURIComponent(sitePath);
  if (decoded.endsWith('/')) return path.join(outDir, decoded, 'index.html');
  return path.join(outDir, path.extname(decoded) ? decoded : `${decoded}.html`);
}

async function readManifest(cacheDir: string): Promise<RenderManifest> {
  try {
    return JSON.parse(await readFile(path.join(cacheDir, MANIFEST), 'utf8')) as RenderManifest;
  } catch {
    return { templates: '', pages: {}, assets: [] };
  }
}

export async function renderSite(options: RenderOptions): Promise<RenderStats> {
  const { view, astroDir, outDir, cacheDir, site, base } = options;
  const serverDir = path.join(astroDir, 'server');
  const clientDir = path.join(astroDir, 'client');
  const previous = await readManifest(cacheDir);
  const templates = await digestFiles(astroDir, [
    ...(await filesUnder(serverDir)).map((file) => path.join('server', file)),
    ...(await filesUnder(clientDir)).map((file) => path.join('client', file)),
  ]);

  // Static assets and public files: copy the current ones, remove those of earlier builds.
  const assets = await filesUnder(clientDir);
  await mkdir(outDir, { recursive: true });
  await cp(clientDir, outDir, { recursive: true });
  const currentAssets = new Set(assets);
  for (const stale of previous.assets.filter((file) => !currentAssets.has(file))) {
    await rm(path.join(outDir, stale), { force: true });
  }

  // The workers start, and load the compiled site, while this thread plans the pages: all of
  // them when every page is rendered again (new templates, or a first build), else one, and
  // the others once the pages to render are known to be many.
  const entry = path.join(serverDir, 'entry.mjs');
  const workerCount = options.workers ?? defaultWorkers();
  const everyPage = previous.templates !== templates;
  const startedFirst = everyPage ? workerCount : 1;
  const workers = startWorkers<RenderTask, RenderReply[]>(
    // Bundled: through tsx, each import() that Astro makes for a page waited on tsx's loader thread.
    await bundleScript(new URL('./render-worker.ts', import.meta.url), cacheDir),
    startedFirst,
    RENDER_NODE_OPTIONS,
  );
  try {
    const warming = workers.run(Array.from({ length: startedFirst }, () => ({ entry, site, jobs: [] })));
    warming.catch(() => undefined);
    const sitePrefix = base.replace(/\/+$/u, '');
    const { pages, jobs } = planPages(view, previous, templates, outDir, sitePrefix);
    options.onPlanned?.(Object.keys(pages));
    if (jobs.length >= SECOND_WORKER_FROM) workers.add(workerCount - startedFirst);

    let removed = 0;
    for (const stale of Object.keys(previous.pages).filter((sitePath) => !(sitePath in pages))) {
      await rm(outputFile(outDir, stale), { force: true });
      removed++;
    }

    const tasks: RenderTask[] = [];
    for (let index = 0; index < jobs.length; index += BATCH)
      tasks.push({ entry, site, jobs: jobs.slice(index, index + BATCH) });
    await warming;
    const replies = (await workers.run(tasks)).flat();
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
    const links: PageLinks = { targets: new Map(), fragments: [], missingIds: [] };
    for (const reply of replies) {
      for (const target of reply.links ?? []) if (!links.targets.has(target)) links.targets.set(target, reply.path);
      for (const [target, id] of reply.fragments ?? []) links.fragments.push({ page: reply.path, target, id });
      for (const id of reply.missingIds ?? []) links.missingIds.push({ page: reply.path, id });
    }
    return { pages: Object.keys(pages), rendered: jobs.length, removed, links };
  } finally {
    workers.stop();
  }
}

/**
 * Every page's digest (templates and model), and the pages to render: those whose digest
 * changed or whose file is gone. An article's summary is in many models (its article's,
 * its issue's and page's, listings): it is serialised once, and stands in each as the
 * digest of what it holds (a fifth of the bytes to serialise and hash at 50,000 articles).
 * A model shown by two pages (an issue and its JSON) is serialised once.
 */
function planPages(
  view: ArchiveView,
  previous: RenderManifest,
  templates: string,
  outDir: string,
  sitePrefix: string,
): { pages: Record<string, string>; jobs: RenderJob[] } {
  // One call a digest: a Hash object per page took longer than the hashing, at 100,000 pages.
  const digestOf = (text: string) => hash('sha256', templates + text, 'base64url');
  const summaries = new Map<unknown, string>(
    view.articles.map((summary) => [summary, digestOf(JSON.stringify(summary))]),
  );
  const bySummary = (_key: string, value: unknown) => (typeof value === 'object' && summaries.get(value)) || value;
  const pages: Record<string, string> = {};
  const jobs: RenderJob[] = [];
  const models = new WeakMap<object, string>();
  for (const route of plannedRoutes(view)) {
    const { model } = route;
    const shared = typeof model === 'object' && model !== null ? model : undefined;
    let digest = shared && models.get(shared);
    if (digest === undefined) {
      digest = digestOf(JSON.stringify(model ?? null, bySummary));
      if (shared) models.set(shared, digest);
    }
    pages[route.path] = digest;
    const file = outputFile(outDir, route.path);
    if (previous.pages[route.path] === digest && previous.templates === templates && existsSync(file)) continue;
    jobs.push({ path: `${sitePrefix}${route.path}`, file });
  }
  return { pages, jobs };
}
