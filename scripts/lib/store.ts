/** Writes, and reads back, the archive index the site is rendered from. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveIndex } from '../../src/lib/archive-index';
import { INDEX_FILE } from '../../src/data/archive-store';

export async function writeIndex(cacheDir: string, index: ArchiveIndex): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  await writeFile(path.join(cacheDir, INDEX_FILE), JSON.stringify(index));
}

/** The index the last build wrote to this cache, if any. */
export async function readIndex(cacheDir: string): Promise<ArchiveIndex | undefined> {
  try {
    return JSON.parse(await readFile(path.join(cacheDir, INDEX_FILE), 'utf8')) as ArchiveIndex;
  } catch {
    return undefined;
  }
}
