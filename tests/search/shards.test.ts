import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ARTICLES_PER_SHARD,
  planSegments,
  planShards,
  SHARDS_PER_SEGMENT,
  type ShardArticle,
} from '../../src/lib/search/records';

/** `perDay` articles on each day from `from`, for `days` days. */
function daily(from: string, days: number, perDay: number): ShardArticle[] {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: days * perDay }, (_, index) => {
    const date = new Date(start + Math.floor(index / perDay) * 86_400_000).toISOString().slice(0, 10);
    return { id: `${date}-${String(index % perDay).padStart(3, '0')}`, date, digest: 'x' };
  });
}

describe('search shards', () => {
  test('a small archive is one shard, named after its first day', () => {
    const shards = planShards(daily('2016-01-01', 91, 10));
    expect(shards.map((shard) => shard.id)).toEqual(['2016-01-01']);
    expect(shards[0]!.articleIds).toHaveLength(910);
  });

  test("a daily paper's shards follow its months, none over the limit", () => {
    const articles = daily('2016-01-01', 62, 120);
    const shards = planShards(articles);
    for (const shard of shards) expect(shard.articleIds.length).toBeLessThanOrEqual(ARTICLES_PER_SHARD);
    expect(shards.map((shard) => shard.id)).toEqual(['2016-01-01', '2016-01-21', '2016-02-01', '2016-02-21']);
    expect(shards.flatMap((shard) => shard.articleIds)).toEqual(articles.map((article) => article.id).sort());
  });

  test('a sparse paper packs months together, but never across a new year', () => {
    const shards = planShards(daily('2016-06-01', 400, 2));
    expect(shards.map((shard) => shard.id)).toEqual(['2016-06-01', '2017-01-01']);
  });

  test('adding the next day, however many articles it has, changes no shard but the newest', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 120 }), (perDay) => {
        const start = Date.UTC(2016, 11, 20);
        const articles = perDay.flatMap((count, day) => {
          const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
          return Array.from({ length: count }, (_, index) => ({ id: `${date}-${index}`, date, digest: 'x' }));
        });
        const dates = [...new Set(articles.map((article) => article.date))];
        let before = planShards([]);
        for (const date of dates) {
          const after = planShards(articles.filter((article) => article.date <= date));
          expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
          const last = before.at(-1);
          if (last) {
            const same = after[before.length - 1]!;
            expect(same.id).toBe(last.id);
            expect(same.articleIds.slice(0, last.articleIds.length)).toEqual(last.articleIds);
          }
          expect(after.length - before.length).toBeLessThanOrEqual(1);
          before = after;
        }
      }),
      { numRuns: 60 },
    );
  });

  test('pages dated only by month or year take their place in the order', () => {
    const shards = planShards([
      { id: 'b', date: '2026-03', digest: 'x' },
      { id: 'a', date: '2024', digest: 'x' },
      { id: 'c', date: '2026-03-28', digest: 'x' },
    ]);
    expect(shards).toEqual([
      { id: '2024', articleIds: ['a'] },
      { id: '2026-03', articleIds: ['b', 'c'] },
    ]);
  });
});

describe('segments of the word index', () => {
  const shards = (count: number) => Array.from({ length: count }, (_, index) => `shard${index}`);

  test('the shards share segments in order, SHARDS_PER_SEGMENT to a segment', () => {
    expect(planSegments(shards(1))).toEqual([['shard0']]);
    expect(planSegments(shards(27))).toEqual([shards(27)]);
    expect(planSegments(shards(2 * SHARDS_PER_SEGMENT + 2))).toHaveLength(3);
    expect(planSegments(shards(100)).flat()).toEqual(shards(100));
  });

  test('a new shard changes the last segment only, or begins a segment of its own', () => {
    for (const count of [1, 2, SHARDS_PER_SEGMENT - 1, SHARDS_PER_SEGMENT, SHARDS_PER_SEGMENT + 1, 27, 70]) {
      const before = planSegments(shards(count));
      const after = planSegments(shards(count + 1));
      expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
      expect(after[before.length - 1]!.slice(0, before.at(-1)!.length)).toEqual(before.at(-1));
    }
  });
});
