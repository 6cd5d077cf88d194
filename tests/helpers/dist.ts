/** Reading the built site in dist/ as a reader's browser would see it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { fromHtml } from 'hast-util-from-html';
import { fileFor } from '../../scripts/lib/verify-site';

export const parseHtml = (html: string): Root => fromHtml(html);

export const DIST = path.resolve(import.meta.dirname, '../../dist');

export interface BuiltPage {
  tree: Root;
  /** The text of the first element matching the selector, whitespace collapsed. */
  text(selector: string): string;
  texts(selector: string): string[];
  all(selector: string): Element[];
  one(selector: string): Element | undefined;
  /** The hrefs of links matching the selector. */
  hrefs(selector: string): string[];
}

const clean = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** The built page served at a site path, e.g. `/jxrb/2026-03/1/1/` (of dist/, or of another build). */
export function builtPage(sitePath: string, dist = DIST): BuiltPage {
  const file = fileFor(dist, new URL(sitePath, 'http://x').pathname);
  if (!file) throw new Error(`no page at ${sitePath} in ${dist}`);
  const tree = parseHtml(readFileSync(file, 'utf8'));
  const one = (selector: string) => select(selector, tree) ?? undefined;
  const all = (selector: string) => selectAll(selector, tree);
  return {
    tree,
    one,
    all,
    text: (selector) => {
      const element = one(selector);
      return element ? clean(toText(element)) : '';
    },
    texts: (selector) => all(selector).map((element) => clean(toText(element))),
    hrefs: (selector) => all(selector).map((element) => String(element.properties.href ?? '')),
  };
}

export function builtFile(sitePath: string, dist = DIST): string {
  const file = fileFor(dist, sitePath);
  if (!file) throw new Error(`no file at ${sitePath} in ${dist}`);
  return readFileSync(file, 'utf8');
}
