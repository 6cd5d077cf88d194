import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { overwriteFileSync } from '../../scripts/lib/files';

describe('a page written again over the one of the last build', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'overwrite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('holds exactly the new page, whether it is shorter, longer or new', () => {
    const file = path.join(dir, 'index.html');
    overwriteFileSync(file, '<p>第一版：嘉兴日报</p>');
    expect(readFileSync(file, 'utf8')).toBe('<p>第一版：嘉兴日报</p>');
    overwriteFileSync(file, '<p>短</p>');
    expect(readFileSync(file, 'utf8')).toBe('<p>短</p>');
    const long = '<p>平湖日报</p>'.repeat(10_000);
    overwriteFileSync(file, new TextEncoder().encode(long));
    expect(readFileSync(file, 'utf8')).toBe(long);
  });

  test('a folder that is missing is an error naming the file, not a silent skip', () => {
    expect(() => overwriteFileSync(path.join(dir, 'missing', 'index.html'), 'x')).toThrow(/missing/);
  });
});
