/** Folders for what tests write: inside the run's own folder (global-setup.ts), removed when the run ends. */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

/** A fresh folder, its name beginning with `prefix`. */
export function runFolder(prefix: string): Promise<string> {
  return mkdtemp(path.join(inject('runDir'), prefix));
}
