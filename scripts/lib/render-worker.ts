/**
 * A render worker (a process of its own, see worker-pool.ts): renders the pages it is sent
 * through the compiled site, writes them, and reports each page's links (read from the
 * HTML it just made, so the build's link check needs no second pass over the files).
 * It runs as plain JavaScript, bundled by render-site.ts: it may import only modules that
 * need no file of their own at run time.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { overwriteFileSync } from './files';
import { sameSiteTarget, scanReferences } from './html-references';

export interface RenderJob {
  /** The URL path to render (with the base). */
  path: string;
  file: string;
}

export interface RenderTask {
  /** The compiled site's server entry. */
  entry: string;
  site: string;
  jobs: RenderJob[];
}

export interface RenderReply {
  path: string;
  ok: boolean;
  error?: string;
  /** Same-site URL paths the page links to (without #fragment). */
  links?: string[];
  /** Links to an element of another page: [URL path, id]. */
  fragments?: Array<[string, string]>;
  /** #fragments of this page that name no element of it. */
  missingIds?: string[];
}

/** Folders this process has made: most pages share theirs with the page before. */
const madeFolders = new Set<string>();

/**
 * Written synchronously: the worker has nothing else to do meanwhile, and a page's three
 * round trips to the thread pool (open, write, close) cost more than the writing. In place:
 * see overwriteFileSync.
 */
function writeFileSyncIn(file: string, body: Uint8Array): void {
  const folder = path.dirname(file);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  overwriteFileSync(file, body);
}

interface CompiledSite {
  render: (request: Request) => Promise<Response>;
  prepare: () => void;
}
let compiled: Promise<CompiledSite> | undefined;

function linksOf(html: string, pageUrl: URL): Pick<RenderReply, 'links' | 'fragments' | 'missingIds'> {
  const { urls, ids } = scanReferences(html);
  const links = new Set<string>();
  const fragments: Array<[string, string]> = [];
  const missingIds: string[] = [];
  // Resolved page by page, never kept: an href read from a page is a slice of its HTML, and would keep the page.
  for (const href of urls) {
    const target = sameSiteTarget(href, pageUrl);
    if (!target) continue;
    const id = target.fragment && decodeURIComponent(target.fragment);
    if (target.pathname === pageUrl.pathname) {
      if (id && !ids.has(id)) missingIds.push(id);
      continue;
    }
    links.add(target.pathname);
    if (id) fragments.push([target.pathname, id]);
  }
  return { links: [...links], fragments, missingIds };
}

async function renderOne(renderPage: CompiledSite['render'], site: string, job: RenderJob): Promise<RenderReply> {
  try {
    const url = new URL(job.path, site);
    const response = await renderPage(new Request(url));
    const body = new Uint8Array(await response.arrayBuffer());
    const expected = job.path.endsWith('/404') ? 404 : 200;
    if (response.status !== expected) return { path: job.path, ok: false, error: `status ${response.status}` };
    writeFileSyncIn(job.file, body);
    const isHtml = (response.headers.get('content-type') ?? '').includes('text/html');
    return { path: job.path, ok: true, ...(isHtml ? linksOf(new TextDecoder().decode(body), url) : {}) };
  } catch (error) {
    return {
      path: job.path,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

/** A task without jobs starts the worker: it loads the compiled site and the archive's index meanwhile. */
export default async function handle(task: RenderTask): Promise<RenderReply[]> {
  compiled ??= import(pathToFileURL(task.entry).href) as Promise<CompiledSite>;
  const app = await compiled;
  if (task.jobs.length === 0) app.prepare();
  const replies: RenderReply[] = [];
  for (const job of task.jobs) replies.push(await renderOne(app.render, task.site, job));
  return replies;
}
