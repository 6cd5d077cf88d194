/**
 * Where the build reads and writes. Defaults are the project's own folders; the corpus
 * benchmarks point the build elsewhere with --seeds, --out and --cache (or the
 * ARCHIVE_SEEDS_DIR, ARCHIVE_OUT_DIR and ARCHIVE_CACHE_DIR variables).
 */
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
