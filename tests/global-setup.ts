/**
 * Builds the site once before the tests that read dist/. The build is incremental, so
 * after `npm run build` this only checks that nothing changed. SKIP_BUILD=1 skips it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: root, stdio: 'pipe' });
}
