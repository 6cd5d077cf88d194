/**
 * Checks the built site the way a reader's browser would use it: every internal link,
 * script, stylesheet and form target resolves to a file in dist/, and every #fragment
 * to an element id on its page.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface BrokenLink {
  /** The page holding the link, relative to dist/. */
  page: string;
  href: string;
  reason: string;
}

const LINK_ATTRIBUTES: Record<string, string> = {
  a: 'href',
  link: 'href',
  script: 'src',
  img: 'src',
  form: 'action',
  source: 'src',
};

export async function htmlFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .sort();
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
  if (!existsSync(candidate)) return undefined;
  if (statSync(candidate).isDirectory()) {
    const index = path.join(candidate, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return candidate;
}

export function parseHtml(html: string): Root {
  return fromHtml(html);
}

/** Every URL a page refers to, with the ids it defines. */
export function referencesOf(tree: Root): { urls: string[]; ids: Set<string> } {
  const urls: string[] = [];
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    const attribute = LINK_ATTRIBUTES[node.tagName];
    const value = attribute ? node.properties[attribute === 'href' ? 'href' : attribute] : undefined;
    if (typeof value === 'string') urls.push(value);
  });
  return { urls, ids };
}

export async function checkLinks(outDir: string, siteOrigin: string): Promise<BrokenLink[]> {
  const broken: BrokenLink[] = [];
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      ids = file.endsWith('.html') ? referencesOf(parseHtml(await readFile(file, 'utf8'))).ids : new Set();
      idsByFile.set(file, ids);
    }
    return ids;
  };
  for (const page of await htmlFiles(outDir)) {
    const pageFile = path.join(outDir, page);
    const { urls, ids } = referencesOf(parseHtml(await readFile(pageFile, 'utf8')));
    idsByFile.set(pageFile, ids);
    const pageUrl = new URL(sitePathOf(page), siteOrigin);
    for (const href of urls) {
      const target = new URL(href, pageUrl);
      if (target.origin !== pageUrl.origin) continue;
      const file = fileFor(outDir, target.pathname);
      if (!file) {
        broken.push({ page, href, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && !(await idsOf(file)).has(fragment)) {
        broken.push({ page, href, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}
