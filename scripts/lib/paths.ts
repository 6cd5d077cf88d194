/**
 * Where the build reads and writes. Defaults are the project's own folders; the corpus
 * benchmarks point the build elsewhere with --seeds, --out and --cache (or the
 * ARCHIVE_SEEDS_DIR, ARCHIVE_OUT_DIR and ARCHIVE_CACHE_DIR variables).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

function fromEnvironment(variable: string, fallback: string): string {
  const value = process.env[variable];
  return value ? path.resolve(value) : path.join(ROOT, fallback);
}

export const SEEDS_DIR = fromEnvironment('ARCHIVE_SEEDS_DIR', 'seeds');
export const OUT_DIR = fromEnvironment('ARCHIVE_OUT_DIR', 'dist');
/** Build caches: parsed pages, the archive index, the compiled site. Safe to delete. */
export const CACHE_DIR = fromEnvironment('ARCHIVE_CACHE_DIR', '.cache');

/** Every file under a folder whose name passes `keep`, relative to the folder, sorted (none when it is missing). */
export async function filesUnder(dir: string, keep: (name: string) => boolean = () => true): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
