/**
 * Whatever the extraction produces, the parser reads it: random texts and real pages
 * mutated the way extraction goes wrong (lines lost, repeated, moved, split, joined,
 * hostile text dropped in). It never throws, loses no character of the text and gives the
 * same articles every time.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Article } from '../../src/lib/article';
import { parsePage, type PageMeta, type ParsedPage } from '../../src/lib/parser';
import { readSeed, SEEDS_DIR } from '../helpers/seeds';

const META: PageMeta = {
  file: 'fuzz.txt',
  publication: '嘉兴日报',
  publicationId: 'jxrb',
  date: '2026-03-01',
  datePrecision: 'day',
  metadataOrigin: 'manifest',
  page: { key: 'p1', number: 1 },
};
const COLUMN_NAMES = { 'DIYI PINGLUN': '第一评论' };
const parse = (text: string) => parsePage(text, META, { columnNames: COLUMN_NAMES });

const seedLines = readdirSync(SEEDS_DIR)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => readSeed(file).split('\n'));

const HOSTILE = [
  '<script>alert(1)</script>',
  '</article>',
  '"><img src=x onerror=alert(1)>',
  '{{ constructor }}',
  '${process.exit()}',
  '# 标题',
  '* 列表',
  '[链接](javascript:alert(1))',
  '<!-- 注释 -->',
  '\u200b\u200d\ufeff',
  '\u202e反向\u202c',
  '😀𠮷',
  '■记者 ',
  '●',
  '——',
  '(转2版)',
];

/** Every character that is not white space, counted. */
function characters(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const char of text) if (!/\s/u.test(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return counts;
}

/** The text each article took from the page: its decks, byline, dateline and body. */
function articleTexts(article: Article): string[] {
  return [
    article.kicker ?? '',
    article.headline,
    article.subheadline ?? '',
    // A package byline is page furniture; the articles under it only carry a copy.
    article.byline.shared ? '' : article.byline.raw,
    article.dateline ?? '',
    ...article.paragraphs.map((paragraph) => paragraph.text),
  ];
}

function placedTexts(parsed: ParsedPage): string[] {
  return [
    ...parsed.articles.flatMap(articleTexts),
    ...parsed.furniture.map((item) => item.text),
    ...parsed.leftovers.map((item) => item.text),
  ];
}

function difference(expected: Map<string, number>, actual: Map<string, number>): string[] {
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  return [...keys]
    .filter((key) => (expected.get(key) ?? 0) !== (actual.get(key) ?? 0))
    .map((key) => `${JSON.stringify(key)}: page ${expected.get(key) ?? 0}, parsed ${actual.get(key) ?? 0}`);
}

/** A deck as a pattern over the source, where the model collapsed each run of white space to one space. */
function deckPattern(deck: string): string {
  return deck
    .split(' ')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
    .join('\\s+');
}

/**
 * The dash printed before a subheadline (——副题) is the deck's typography: the model keeps
 * the subheadline as a field of its own instead. These are the dashes it stands for: the
 * ones between the end of the headline and the start of the subheadline.
 */
function subheadlineDashes(text: string, parsed: ParsedPage): string[] {
  const lines = text.split('\n');
  return parsed.articles.flatMap((article) => {
    if (!article.subheadline) return [];
    const source = lines.slice(article.source.lineStart - 1, article.source.lineEnd).join('\n');
    let end = 0;
    for (const deck of [article.kicker, article.headline]) {
      if (!deck) continue;
      const found = new RegExp(deckPattern(deck), 'gu');
      found.lastIndex = end;
      if (found.exec(source)) end = found.lastIndex;
    }
    const dashes = new RegExp(`\\s*([—–-]{0,2})\\s*${deckPattern(article.subheadline)}`, 'uy');
    dashes.lastIndex = end;
    return [...(dashes.exec(source)?.[1] ?? '')];
  });
}

function checkPage(text: string): void {
  const parsed = parse(text);
  const placed = characters([...placedTexts(parsed), ...subheadlineDashes(text, parsed)]);
  expect(difference(characters([text]), placed)).toEqual([]);
  expect(parse(text)).toEqual(parsed);
  const ids = parsed.articles.map((article) => article.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const article of parsed.articles) {
    expect(article.headline.trim()).not.toBe('');
    expect(article.source.lineStart).toBeLessThanOrEqual(article.source.lineEnd);
  }
}

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.array(cjk, { minLength: 1, maxLength: 12 }).map((chars) => chars.join('')) },
  { weight: 2, arbitrary: fc.constantFrom('。', ',', '，', ':', '“', '”', '!', '?', '、', '——', ' ', '  ') },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.constantFrom('记者 ', '通讯员 ', '本报讯 ', '■摄影 ', 'LIANGHUI XINSHENG', '2026', 'AI') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const line = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(''));
const randomPage = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

type Mutation = (lines: string[]) => string[];
const at = (lines: readonly string[], fraction: number) => Math.floor(fraction * lines.length);
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  unit.map((where) => (lines: string[]) => lines.filter((_, index) => index !== at(lines, where))),
  unit.map((where) => (lines: string[]) => {
    const index = at(lines, where);
    return [...lines.slice(0, index + 1), lines[index] ?? '', ...lines.slice(index + 1)];
  }),
  fc.tuple(unit, unit).map(([from, to]) => (lines: string[]) => {
    const copy = [...lines];
    const [moved] = copy.splice(at(copy, from), 1);
    copy.splice(at(copy, to), 0, moved ?? '');
    return copy;
  }),
  fc.tuple(unit, unit).map(([where, cut]) => (lines: string[]) => {
    const index = at(lines, where);
    const chars = [...(lines[index] ?? '')];
    const split = Math.floor(cut * chars.length);
    return [
      ...lines.slice(0, index),
      chars.slice(0, split).join(''),
      '',
      chars.slice(split).join(''),
      ...lines.slice(index + 1),
    ];
  }),
  unit.map((where) => (lines: string[]) => {
    const index = at(lines, where);
    return [...lines.slice(0, index), `${lines[index] ?? ''}${lines[index + 1] ?? ''}`, ...lines.slice(index + 2)];
  }),
  fc.tuple(unit, unit, fc.constantFrom(...HOSTILE)).map(([where, cut, hostile]) => (lines: string[]) => {
    const index = at(lines, where);
    const chars = [...(lines[index] ?? '')];
    const split = Math.floor(cut * chars.length);
    return [
      ...lines.slice(0, index),
      chars.slice(0, split).join('') + hostile + chars.slice(split).join(''),
      ...lines.slice(index + 1),
    ];
  }),
  fc.tuple(unit, line).map(([where, inserted]) => (lines: string[]) => {
    const index = at(lines, where);
    return [...lines.slice(0, index), inserted, ...lines.slice(index)];
  }),
);
const mutatedPage = fc
  .tuple(fc.integer({ min: 0, max: seedLines.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([seed, mutations]) => mutations.reduce((lines, mutate) => mutate(lines), seedLines[seed]!).join('\n'));

/**
 * CI replays one fixed sequence so that a red run means a change broke something; set
 * FUZZ_RUNS to explore fresh random inputs (and a failure prints its seed to replay).
 */
const explore = process.env.FUZZ_RUNS !== undefined;
const RUNS: fc.Parameters<unknown> = explore
  ? { numRuns: Number(process.env.FUZZ_RUNS) }
  : { numRuns: 1000, seed: 20260301 };

describe('the parser on whatever the extraction produces', () => {
  test('reads random text without throwing, losing no character, the same way every time', () => {
    fc.assert(fc.property(randomPage, checkPage), RUNS);
  });

  test('reads real pages with lines lost, repeated, moved, split, joined or hostile text added', () => {
    fc.assert(fc.property(mutatedPage, checkPage), RUNS);
  });

  test('places every character of the real pages', () => {
    for (const lines of seedLines) checkPage(lines.join('\n'));
  });
});
