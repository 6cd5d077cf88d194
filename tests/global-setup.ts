/**
 * Builds the site once before the tests that read dist/. The build is incremental, so
 * after `npm run build` this only checks that nothing changed. SKIP_BUILD=1 skips it.
 *
 * Also gives the run a folder of its own for what tests write (helpers/run-folder.ts): the
 * sites they build, seeds and caches; it is removed when the run ends.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's own folder, where tests write their files; removed when the run ends. */
    runDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const runDir = mkdtempSync(path.join(tmpdir(), 'archive-tests-'));
  project.provide('runDir', runDir);
  if (process.env.SKIP_BUILD !== '1') {
    const root = path.resolve(import.meta.dirname, '..');
    execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: root, stdio: 'pipe' });
  }
  return () => rmSync(runDir, { recursive: true, force: true });
}
