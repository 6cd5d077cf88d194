/** Reading the real seed pages the way the build does, for tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import config from '../../archive.config';
import { parseManifest } from '../../src/lib/manifest';
import { findPublication, resolvePageMeta } from '../../src/lib/page-meta';
import { parsePage, type ParsedPage } from '../../src/lib/parser';

export const SEEDS_DIR = path.resolve(import.meta.dirname, '../../seeds');

const manifest = parseManifest(
  readFileSync(path.join(SEEDS_DIR, 'manifest.json'), 'utf8'),
  (name) => findPublication(config, name)?.id,
);

export function readSeed(file: string): string {
  return readFileSync(path.join(SEEDS_DIR, file), 'utf8');
}

/** Parses a seed page with its manifest metadata (no keywords: those need nodejieba). */
export function parseSeed(file: string): ParsedPage {
  const text = readSeed(file);
  const resolved = resolvePageMeta(file, text, manifest.entries.get(file)?.entry, config);
  if (!resolved.ok) throw new Error(resolved.reason);
  return parsePage(text, resolved.meta, { columnNames: resolved.publication.columns });
}

/** Sentences as a reader splits them: up to a full stop, question or exclamation mark and any closing quote. */
export function sentences(text: string): string[] {
  return text.match(/[^。!?！？]+[。!?！？]+[”’」』)）]*|[^。!?！？]+$/gu) ?? [];
}
