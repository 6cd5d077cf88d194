import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ArticleMatch, TermHits } from '../../src/lib/search/engine';
import { Ranking, rankByDate, rankByRelevance } from '../../src/lib/search/rank';

function match(key: string, terms: TermHits[], headline: 'printed' | 'exact' | 'no' = 'no'): ArticleMatch {
  const [, record, slot] = /^(.*)-(\d+)$/u.exec(key)!;
  return {
    key,
    record: record!,
    slot: Number(slot),
    terms,
    exactHeadline: headline !== 'no',
    printedHeadline: headline === 'printed',
  };
}
const body = (count: number, first = 300): TermHits => ({ count, inHeadline: false, first });
const headline = (count: number): TermHits => ({ count, inHeadline: true, first: 0 });
const keys = (ranked: Ranking) => ranked.all().map((entry) => entry.key);

describe('the order of results by relevance', () => {
  test('the headline as printed, then that headline otherwise punctuated, then every term in a headline, then some, then the rest', () => {
    const matches = [
      match('s1_0-0', [body(9), body(9)]),
      match('s1_0-1', [headline(1), body(1)]),
      match('s1_0-2', [headline(1), headline(1)]),
      match('s1_0-3', [headline(1), headline(1)], 'exact'),
      match('s1_0-4', [headline(1), headline(1)], 'printed'),
    ];
    expect(keys(rankByRelevance(matches, [5, 5], 100))).toEqual(['s1_0-4', 's1_0-3', 's1_0-2', 's1_0-1', 's1_0-0']);
  });

  test('within a tier, more hits of the rarer term first, then the earlier first hit', () => {
    const matches = [
      match('s1_0-0', [body(1), body(3)]),
      match('s1_0-1', [body(3), body(1)]),
      match('s1_0-2', [body(3, 900), body(1)]),
    ];
    // The first term is rare (2 articles in 100), the second common (90).
    expect(keys(rankByRelevance(matches, [2, 90], 100))).toEqual(['s1_0-1', 's1_0-2', 's1_0-0']);
  });

  test('articles that tie go in archive order: by record, then slot as a number', () => {
    const matches = ['s2_1-0', 's1_10-2', 's1_10-10', 's1_1-3'].map((key) => match(key, [body(1)]));
    expect(keys(rankByRelevance(matches, [4], 100))).toEqual(['s1_1-3', 's1_10-2', 's1_10-10', 's2_1-0']);
  });
});

describe('the order of results by date', () => {
  test('newest first, relevance deciding between articles of one day', () => {
    // Listed in relevance order.
    const ranked = new Ranking(
      ['a-0', 'b-0', 'c-0', 'd-0'].map((key) => match(key, [body(1)])),
      (a, b) => a - b,
    );
    const dates: Record<string, string> = {
      'a-0': '2026-03-01',
      'b-0': '2026-03-02',
      'c-0': '2026-03-01',
      'd-0': '2025-12-31',
    };
    expect(keys(rankByDate(ranked, (entry) => dates[entry.key]!))).toEqual(['b-0', 'a-0', 'c-0', 'd-0']);
  });
});

describe('the first screen of results', () => {
  const matchArbitrary = fc.record({
    record: fc.constantFrom('s1_0', 's1_1', 's1_10', 's2_0'),
    terms: fc.array(
      fc.record({ count: fc.integer({ min: 1, max: 4 }), inHeadline: fc.boolean(), first: fc.constantFrom(0, 3, 300) }),
      {
        minLength: 2,
        maxLength: 2,
      },
    ),
    headline: fc.constantFrom('printed' as const, 'exact' as const, 'no' as const),
    date: fc.constantFrom('2026-03-01', '2026-03-02', '2025-12-31'),
  });

  test('is what sorting every match would put first, by relevance and by date, however many are asked for', () => {
    fc.assert(
      fc.property(fc.array(matchArbitrary, { maxLength: 150 }), fc.integer({ min: 0, max: 120 }), (drawn, wanted) => {
        // Keys are unique: slots number the draws.
        const matches = drawn.map((entry, slot) => match(`${entry.record}-${slot}`, entry.terms, entry.headline));
        const dates = new Map(matches.map((entry, index) => [entry, drawn[index]!.date]));
        const sortedByComparing = (ranking: Ranking) =>
          [...ranking.matches.keys()].sort(ranking.order).map((index) => ranking.matches[index]!.key);
        for (const make of [
          () => rankByRelevance(matches, [3, 40], 100),
          () => rankByDate(rankByRelevance(matches, [3, 40], 100), (entry) => dates.get(entry)!),
        ]) {
          const expected = sortedByComparing(make());
          const firstScreen = make();
          expect(firstScreen.slice(0, wanted).map((entry) => entry.key)).toEqual(expected.slice(0, wanted));
          // Then the next screen, and the whole list, from the same ranking.
          expect(firstScreen.slice(wanted, wanted + 20).map((entry) => entry.key)).toEqual(
            expected.slice(wanted, wanted + 20),
          );
          expect(keys(firstScreen)).toEqual(expected);
        }
      }),
    );
  });
});
