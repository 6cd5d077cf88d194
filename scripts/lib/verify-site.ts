/**
 * Checks the built site the way a reader's browser would use it: every internal link,
 * script, stylesheet and form target resolves to a file in dist/, and every #fragment
 * to an element id on its page.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { paths } from '../../src/lib/site/urls';
import type { PageLinks } from './render-site';
import { decodeAttribute, sameSiteTarget, scanReferences } from './html-references';
import { filesUnder } from './paths';

export interface BrokenLink {
  /** The page holding the link, relative to dist/. */
  page: string;
  href: string;
  reason: string;
}

export function htmlFiles(outDir: string): Promise<string[]> {
  return filesUnder(outDir, (name) => name.endsWith('.html'));
}

/** The site path a file is served at: jxrb/2026/index.html → /jxrb/2026/. */
export function sitePathOf(file: string): string {
  const posix = file.split(path.sep).join('/');
  return `/${posix.endsWith('index.html') ? posix.slice(0, -'index.html'.length) : posix}`;
}

/** The file a URL path is served from, or undefined when there is none. */
export function fileFor(outDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = path.join(outDir, decoded);
  // %2e%2e decodes to .. after the URL parser has resolved dot segments.
  if (path.relative(outDir, candidate).startsWith('..')) return undefined;
  if (decoded.endsWith('/')) {
    const index = path.join(candidate, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  if (!existsSync(candidate)) return undefined;
  if (statSync(candidate).isDirectory()) {
    const index = path.join(candidate, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return candidate;
}

/**
 * Checks the links of the given pages (relative to dist/; all HTML pages when omitted):
 * every same-site URL resolves to a file, every #fragment to an id on its page.
 */
export async function checkLinks(outDir: string, siteOrigin: string, pages?: readonly string[]): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = file.endsWith('.html') ? scanReferences(await readFile(file, 'utf8')).ids : new Set();
      idsByFile.set(file, ids);
    }
    return ids;
  };
  for (const page of pages ?? (await htmlFiles(outDir))) {
    const pageFile = path.join(outDir, page);
    const { urls, ids } = scanReferences(await readFile(pageFile, 'utf8'));
    idsByFile.set(pageFile, ids);
    const pageUrl = new URL(sitePathOf(page), siteOrigin);
    for (const href of urls) {
      const target = sameSiteTarget(href, pageUrl);
      if (!target) continue;
      const file = fileFor(outDir, target.pathname);
      if (!file) {
        broken.push({ page, href, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(target.fragment);
      if (fragment && !(await idsOf(file)).has(fragment)) {
        broken.push({ page, href, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}

/**
 * Checks the links the renderer collected: every target resolves to a file of the built
 * site (pages, open data, search files, assets), every #fragment to an id on its page.
 */
export async function checkCollectedLinks(outDir: string, links: PageLinks): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  for (const [target, page] of links.targets) {
    if (!fileFor(outDir, target)) broken.push({ page, href: target, reason: 'no such file' });
  }
  const idsOf = new Map<string, Set<string>>();
  for (const { page, target, id } of links.fragments) {
    const file = fileFor(outDir, target);
    if (!file) continue;
    let ids = idsOf.get(file);
    if (!ids) idsOf.set(file, (ids = scanReferences(await readFile(file, 'utf8')).ids));
    if (!ids.has(id)) broken.push({ page, href: `${target}#${id}`, reason: `no element with id "${id}"` });
  }
  for (const { page, id } of links.missingIds)
    broken.push({ page, href: `#${id}`, reason: `no element with id "${id}"` });
  return broken;
}

export interface IntegrityOptions {
  outDir: string;
  /** Every page of the site by its path: the render stage found each on disk or wrote it. */
  pages: Iterable<string>;
  /** The site's base path ('/' or '/archive/'), which URLs in the output start with. */
  base: string;
  /** The site's address, which the sitemap's URLs start with. */
  site: string;
  /** Every article the archive holds. */
  articles: ReadonlyArray<Parameters<typeof paths.article>[0]>;
  /** Search results written by this build: display file and the URL it leads to. */
  searchResults: ReadonlyArray<{ file: string; url: string }>;
}

/** A site path as its file is named: /sections/%E8%A6%81%E9%97%BB/ → /sections/要闻/. */
function decodedPath(sitePath: string): string {
  try {
    return decodeURIComponent(sitePath);
  } catch {
    return sitePath;
  }
}

/**
 * The build's check of its own output: every article of the export has its page, every
 * URL in the sitemap is a page, every search result written leads to a page. Pages are
 * looked up among those the render stage saw on disk, not on the disk again (three
 * looks a page at 100,000 pages took a second of every build).
 */
export async function checkIntegrity(options: IntegrityOptions): Promise<string[]> {
  const { outDir } = options;
  const pages = new Set(Array.from(options.pages, decodedPath));
  const hasPage = (sitePath: string) => pages.has(decodedPath(sitePath));
  const problems: string[] = [];
  const prefix = options.base.replace(/\/+$/u, '');
  const sitePath = (url: string) => (url.startsWith(prefix) ? url.slice(prefix.length) || '/' : url);
  for (const article of options.articles) {
    const page = paths.article(article);
    if (!hasPage(page)) problems.push(`the article ${page} of the export has no page`);
  }
  const root = new URL(prefix || '/', options.site).href.replace(/\/$/u, '');
  for (const name of (await readdir(outDir)).filter((file) => /^sitemap-\d+\.xml$/u.test(file))) {
    for (const [, loc] of (await readFile(path.join(outDir, name), 'utf8')).matchAll(/<loc>([^<]*)<\/loc>/gu)) {
      const url = decodeAttribute(loc ?? '');
      if (!url.startsWith(root) || !hasPage(sitePath(new URL(url).pathname))) {
        problems.push(`${name} lists ${url}, which the site does not have`);
      }
    }
  }
  for (const { file, url } of options.searchResults) {
    if (!hasPage(sitePath(url))) problems.push(`the search result ${file} leads to ${url}, which does not exist`);
  }
  return problems;
}
