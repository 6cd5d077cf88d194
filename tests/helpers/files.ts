/** Comparing two built sites file by file. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file of a folder, relative to it, sorted. */
export async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The files present in both folders whose bytes differ. */
export async function differingFiles(a: string, b: string, files: readonly string[]): Promise<string[]> {
  const differing: string[] = [];
  for (const file of files) {
    const [left, right] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    if (!left.equals(right)) differing.push(file);
  }
  return differing;
}
