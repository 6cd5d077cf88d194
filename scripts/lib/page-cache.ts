/**
 * Parsed pages cached by content: a page is parsed and segmented once, and again only
 * when its bytes, its manifest entry, the archive config or the parsing code change.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ManifestEntry } from '../../src/lib/manifest';
import { writeFileWhole } from './files';
import type { PageResult } from './ingest';
import { ROOT } from './paths';

/** Bump when the cached format changes without a code change that the digest would see. */
const CACHE_FORMAT = 1;

/**
 * Code whose change must invalidate every parsed page: the domain library (but for the site's
 * models and the search index, which only read what was parsed) and the segmenter wrapper.
 */
const CODE_ROOTS = [
  'src/lib',
  'scripts/lib/segment.ts',
  'scripts/lib/ingest.ts',
  'archive.config.ts',
  'package-lock.json',
];

async function filesUnder(entry: string): Promise<string[]> {
  const full = path.join(ROOT, entry);
  try {
    const names = await readdir(full, { recursive: true, withFileTypes: true });
    return names
      .filter((name) => name.isFile())
      .map((name) => path.join(name.parentPath, name.name))
      .sort();
  } catch {
    return [full];
  }
}

const READERS = [path.join(ROOT, 'src/lib/site') + path.sep, path.join(ROOT, 'src/lib/search') + path.sep];
/** The one search module the ingest uses: which fields of an article are searched. */
const SEARCHED_FIELDS = path.join(ROOT, 'src/lib/search/record.ts');

let codeDigest: Promise<string> | undefined;

/** A digest of the code that turns page text into articles. */
export function parserCodeDigest(): Promise<string> {
  codeDigest ??= (async () => {
    const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\n`);
    for (const root of CODE_ROOTS) {
      for (const file of await filesUnder(root)) {
        if (file !== SEARCHED_FIELDS && READERS.some((reader) => file.startsWith(reader))) continue;
        hash.update(path.relative(ROOT, file)).update('\0');
        hash.update(await readFile(file).catch(() => Buffer.alloc(0))).update('\0');
      }
    }
    return hash.digest('hex');
  })();
  return codeDigest;
}

export function pageCacheKey(
  codeDigest: string,
  file: string,
  bytes: Uint8Array,
  entry: ManifestEntry | undefined,
): string {
  return createHash('sha256')
    .update(codeDigest)
    .update('\0')
    .update(file)
    .update('\0')
    .update(JSON.stringify(entry ?? null))
    .update('\0')
    .update(bytes)
    .digest('hex')
    .slice(0, 32);
}

export class PageCache {
  constructor(readonly dir: string) {}

  fileName(key: string): string {
    return `${key}.json`;
  }

  async read(key: string): Promise<PageResult | undefined> {
    return this.readJson<PageResult>(this.fileName(key));
  }

  async write(key: string, result: PageResult): Promise<void> {
    await this.writeJson(this.fileName(key), result);
  }

  /** The short account of a page the build needs on every run, kept beside the full result. */
  readOutcome<T>(key: string): Promise<T | undefined> {
    return this.readJson<T>(`${key}.outcome.json`);
  }

  writeOutcome(key: string, outcome: unknown): Promise<void> {
    return this.writeJson(`${key}.outcome.json`, outcome);
  }

  private async readJson<T>(name: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  private writeJson(name: string, value: unknown): Promise<void> {
    return writeFileWhole(path.join(this.dir, name), JSON.stringify(value));
  }
}
