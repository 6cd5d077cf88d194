/**
 * Builds the site once before the tests that read dist/. The build is incremental, so
 * after `npm run build` this only checks that nothing changed. SKIP_BUILD=1 skips it.
 *
 * Also gives the run a folder of its own for the sites that tests build (helpers/build.ts),
 * removed when the run ends: each is a whole site, and a run leaves several.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where this run's tests build sites, removed when the run ends. */
    buildsDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const buildsDir = mkdtempSync(path.join(tmpdir(), 'archive-tests-'));
  project.provide('buildsDir', buildsDir);
  if (process.env.SKIP_BUILD !== '1') {
    const root = path.resolve(import.meta.dirname, '..');
    execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: root, stdio: 'pipe' });
  }
  return () => rmSync(buildsDir, { recursive: true, force: true });
}
