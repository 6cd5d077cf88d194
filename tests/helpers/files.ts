/** Comparing two built sites file by file. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
export { filesUnder as filesOf } from '../../scripts/lib/paths';

/** The files present in both folders whose bytes differ. */
export async function differingFiles(a: string, b: string, files: readonly string[]): Promise<string[]> {
  const differing: string[] = [];
  for (const file of files) {
    const [left, right] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    if (!left.equals(right)) differing.push(file);
  }
  return differing;
}
