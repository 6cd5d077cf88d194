import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MatchResult, SLOTS_PER_RECORD, type TermHits } from '../../src/lib/search/engine';
import { Ranking, rankByDate, rankByRelevance } from '../../src/lib/search/rank';

/** An article matched: its record (by number, in archive order), slot, hits per term, and whether the query is its headline. */
interface Found {
  record: number;
  slot: number;
  terms: TermHits[];
  headline?: 'printed' | 'exact' | undefined;
}

/** The engine's result for these articles (in archive order, as the engine lists them); records are named r<number>. */
function resultOf(found: readonly Found[], documentFrequency: number[]): MatchResult {
  const sorted = [...found].sort((a, b) => a.record - b.record || a.slot - b.slot);
  return new MatchResult(
    sorted.map((entry) => entry.record * SLOTS_PER_RECORD + entry.slot),
    documentFrequency.map((_, term) => ({
      counts: sorted.map((entry) => entry.terms[term]!.count),
      firsts: sorted.map((entry) => entry.terms[term]!.first),
      inHeadline: sorted.map((entry) => (entry.terms[term]!.inHeadline ? 1 : 0)),
    })),
    sorted.map((entry) => (entry.headline === 'printed' ? 2 : entry.headline === 'exact' ? 1 : 0)),
    documentFrequency,
    (record) => `r${record}`,
  );
}

const body = (count: number, first = 300): TermHits => ({ count, inHeadline: false, first });
const headline = (count: number): TermHits => ({ count, inHeadline: true, first: 0 });
const keys = (ranked: Ranking) => ranked.all().map((entry) => entry.key);

describe('the order of results by relevance', () => {
  test('the headline as printed, then that headline otherwise punctuated, then every term in a headline, then some, then the rest', () => {
    const result = resultOf(
      [
        { record: 0, slot: 0, terms: [body(9), body(9)] },
        { record: 0, slot: 1, terms: [headline(1), body(1)] },
        { record: 0, slot: 2, terms: [headline(1), headline(1)] },
        { record: 0, slot: 3, terms: [headline(1), headline(1)], headline: 'exact' },
        { record: 0, slot: 4, terms: [headline(1), headline(1)], headline: 'printed' },
      ],
      [5, 5],
    );
    expect(keys(rankByRelevance(result, 100))).toEqual(['r0-4', 'r0-3', 'r0-2', 'r0-1', 'r0-0']);
  });

  test('within a tier, more hits of the rarer term first, then the earlier first hit', () => {
    // The first term is rare (2 articles in 100), the second common (90).
    const result = resultOf(
      [
        { record: 0, slot: 0, terms: [body(1), body(3)] },
        { record: 0, slot: 1, terms: [body(3), body(1)] },
        { record: 0, slot: 2, terms: [body(3, 900), body(1)] },
      ],
      [2, 90],
    );
    expect(keys(rankByRelevance(result, 100))).toEqual(['r0-1', 'r0-2', 'r0-0']);
  });

  test('articles that tie go in archive order: by record, then slot as a number', () => {
    const result = resultOf(
      [
        { record: 12, slot: 0, terms: [body(1)] },
        { record: 1, slot: 2, terms: [body(1)] },
        { record: 1, slot: 10, terms: [body(1)] },
        { record: 0, slot: 3, terms: [body(1)] },
      ],
      [4],
    );
    expect(keys(rankByRelevance(result, 100))).toEqual(['r0-3', 'r1-2', 'r1-10', 'r12-0']);
  });
});

describe('the order of results by date', () => {
  test('newest first, relevance deciding between articles of one day', () => {
    const result = resultOf(
      [0, 1, 2, 3].map((record) => ({ record, slot: 0, terms: [body(1)] })),
      [4],
    );
    // Relevance: archive order.
    const ranked = new Ranking(result, (a, b) => a - b);
    const dates = ['2026-03-01', '2026-03-02', '2026-03-01', '2025-12-31'];
    expect(keys(rankByDate(ranked, (record) => dates[record]!))).toEqual(['r1-0', 'r0-0', 'r2-0', 'r3-0']);
  });
});

describe('the first screen of results', () => {
  const foundArbitrary = fc.record({
    record: fc.constantFrom(0, 1, 10, 300),
    terms: fc.array(
      fc.record({ count: fc.integer({ min: 1, max: 4 }), inHeadline: fc.boolean(), first: fc.constantFrom(0, 3, 300) }),
      { minLength: 2, maxLength: 2 },
    ),
    headline: fc.constantFrom('printed' as const, 'exact' as const, undefined),
    date: fc.constantFrom('2026-03-01', '2026-03-02', '2025-12-31'),
  });

  test('is what sorting every match would put first, by relevance and by date, however many are asked for', () => {
    fc.assert(
      fc.property(fc.array(foundArbitrary, { maxLength: 150 }), fc.integer({ min: 0, max: 120 }), (drawn, wanted) => {
        // Articles are unique: slots number the draws.
        const result = resultOf(
          drawn.map((entry, slot) => ({ ...entry, slot })),
          [3, 40],
        );
        const dates = new Map(drawn.map((entry, slot) => [slot, entry.date]));
        const sortedByComparing = (ranking: Ranking) =>
          Array.from({ length: result.length }, (_, index) => index)
            .sort(ranking.order)
            .map((index) => result.match(index).key);
        for (const make of [
          () => rankByRelevance(result, 100),
          () => rankByDate(rankByRelevance(result, 100), (_, slot) => dates.get(slot)!),
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
