import { describe, expect, test } from 'vitest';
import { parseManifest } from '../src/lib/manifest';

const known = (name: string) => (['嘉兴日报', 'jxrb'].includes(name) ? 'jxrb' : undefined);

const entry = (file: string, extra: Record<string, unknown> = {}) => ({
  file,
  publication: '嘉兴日报',
  date: '2026-03-28',
  datePrecision: 'day',
  evidence: { publication: 'p', date: 'd' },
  ...extra,
});

const manifestText = (...pages: unknown[]) => JSON.stringify({ pages }, null, 2);

describe('the page manifest', () => {
  test('valid entries are read by file name with their line', () => {
    const manifest = parseManifest(manifestText(entry('a.txt'), entry('b.txt')), known);
    expect(manifest.problems).toEqual([]);
    expect(manifest.entries.get('a.txt')?.line).toBe(3);
    expect(manifest.entries.get('b.txt')?.entry.page).toEqual({});
  });

  test('an invalid date is reported on its entry line, and the other entries still apply', () => {
    const manifest = parseManifest(manifestText(entry('a.txt', { date: '2026-02-30' }), entry('b.txt')), known);
    expect(manifest.problems).toEqual([
      { line: 3, message: expect.stringContaining('2026-02-30 is not a calendar date') },
    ]);
    expect([...manifest.entries.keys()]).toEqual(['b.txt']);
  });

  test('a date that does not match its precision is reported', () => {
    const manifest = parseManifest(manifestText(entry('a.txt', { date: '2026-03' })), known);
    expect(manifest.problems[0]?.message).toContain('does not match datePrecision "day"');
  });

  test('a second entry for the same file is ignored and reported', () => {
    const manifest = parseManifest(manifestText(entry('a.txt'), entry('a.txt', { date: '2026-03-29' })), known);
    expect(manifest.entries.get('a.txt')?.entry.date).toBe('2026-03-28');
    expect(manifest.problems[0]?.message).toContain('a second entry for a.txt (the first is on line 3)');
  });

  test('a paper the archive does not know is reported', () => {
    const manifest = parseManifest(manifestText(entry('a.txt', { publication: '人民日报' })), known);
    expect(manifest.problems[0]?.message).toContain('publication "人民日报" is not in archive.config.ts');
  });

  test('broken JSON is reported with its line', () => {
    const manifest = parseManifest('{\n  "pages": [\n    {,}\n  ]\n}', known);
    expect(manifest.problems).toEqual([{ line: 3, message: expect.stringContaining('not valid JSON') }]);
  });
});
