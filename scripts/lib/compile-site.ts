/**
 * Compiles the Astro site (templates, styles, scripts) into a render function, but only
 * when its sources changed: adding pages to the archive does not recompile the site.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './paths';
import type { CompileReply, CompileTask } from './compile-worker';
import { runInWorkers } from './worker-pool';

/** Everything that can change the compiled site. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'archive.config.ts', 'package-lock.json', 'tsconfig.json'];
const STAMP = 'astro-sources.sha256';

async function sourceDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    const full = path.join(ROOT, source);
    if (!existsSync(full)) continue;
    const entries = (await readdir(full, { recursive: true, withFileTypes: true }).catch(() => null)) ?? null;
    const files = entries
      ? entries
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort()
      : [full];
    for (const file of files)
      hash
        .update(path.relative(ROOT, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
  }
  return hash.digest('hex');
}

/** Builds the site unless nothing it is built from changed. Returns whether it built. */
export async function compileSite(astroDir: string, cacheDir: string): Promise<boolean> {
  const digest = await sourceDigest();
  const stampFile = path.join(cacheDir, STAMP);
  const previous = await readFile(stampFile, 'utf8').catch(() => '');
  if (previous === digest && existsSync(path.join(astroDir, 'server', 'entry.mjs'))) return false;
  // In a process of its own (compile-worker.ts); a build that does not compile (a day added) never loads Astro.
  const [reply] = await runInWorkers<CompileTask, CompileReply>(new URL('./compile-worker.ts', import.meta.url), [
    { root: ROOT },
  ]);
  if (reply?.error) throw new Error(`the site did not compile:\n${reply.error}`);
  await writeFile(stampFile, digest);
  return true;
}
