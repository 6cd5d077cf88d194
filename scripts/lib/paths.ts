/** Where the build reads and writes, relative to the project root. */
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEEDS_DIR = path.join(ROOT, 'seeds');
export const OUT_DIR = path.join(ROOT, 'dist');
/** Build caches: parsed pages, the archive index, the compiled site. Safe to delete. */
export const CACHE_DIR = process.env.ARCHIVE_CACHE_DIR
  ? path.resolve(process.env.ARCHIVE_CACHE_DIR)
  : path.join(ROOT, '.cache');
