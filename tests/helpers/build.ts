/** Running the archive's build (scripts/build.ts) in a process of its own, as an archivist does. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from '../../scripts/lib/paths';
import { runFolder } from './run-folder';

export { ROOT };

export interface BuildRun {
  /** The seeds folder (the project's seeds/ when left out). */
  seeds?: string;
  out: string;
  cache: string;
  /** More options: --strict, --report <file>… */
  flags?: string[];
}

/** Runs a build; rejects, with the exit code, stdout and stderr, when it exits with another code than 0. */
export function runBuild({ seeds, out, cache, flags = [] }: BuildRun): Promise<{ stdout: string; stderr: string }> {
  const args = [
    '--import',
    'tsx',
    'scripts/build.ts',
    ...(seeds ? ['--seeds', seeds] : []),
    '--out',
    out,
    '--cache',
    cache,
  ];
  return promisify(execFile)(process.execPath, [...args, ...flags], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

/** A fresh folder for a build's output and cache, in the run's own folder (removed when the run ends). */
export async function buildFolders(prefix: string): Promise<{ out: string; cache: string }> {
  const work = await runFolder(prefix);
  return { out: path.join(work, 'dist'), cache: path.join(work, 'cache') };
}
