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
  test('small months go whole into shards, consecutive ones together', () => {
    const shards = planShards(daily('2016-01-01', 91, 10));
    expect(shards.map((shard) => shard.id)).toEqual(['2016-01']);
    expect(shards[0]!.articleIds).toHaveLength(910);
  });

  test('a month larger than a shard is split between days, no shard over the limit', () => {
    const articles = daily('2016-01-01', 62, 120);
    const shards = planShards(articles);
    for (const shard of shards) expect(shard.articleIds.length).toBeLessThanOrEqual(ARTICLES_PER_SHARD);
    expect(shards.map((shard) => shard.id)).toEqual(['2016-01-01', '2016-01-21', '2016-02-01', '2016-02-21']);
    expect(shards.flatMap((shard) => shard.articleIds)).toEqual(articles.map((article) => article.id).sort());
  });

  test('adding the next day changes only the newest shard', () => {
    const before = planShards(daily('2016-01-01', 45, 120));
    const after = planShards(daily('2016-01-01', 46, 120));
    expect(after.slice(0, -1)).toEqual(before.slice(0, -1));
    expect(after.length).toBe(before.length);
  });

  test('pages dated only by month or year take their place in the order', () => {
    const shards = planShards([
      { id: 'b', date: '2026-03', digest: 'x' },
      { id: 'a', date: '2024', digest: 'x' },
      { id: 'c', date: '2026-03-28', digest: 'x' },
    ]);
    expect(shards).toEqual([{ id: '2024', articleIds: ['a', 'b', 'c'] }]);
  });
});

describe('segments of the word index', () => {
  const shards = (count: number) => Array.from({ length: count }, (_, index) => `shard${index}`);

  test('the newest shard is a segment of its own, the others share segments in order', () => {
    expect(planSegments(shards(1))).toEqual([['shard0']]);
    const segments = planSegments(shards(27));
    expect(segments).toEqual([shards(26), ['shard26']]);
    expect(planSegments(shards(2 * SHARDS_PER_SEGMENT + 2))).toHaveLength(4);
    expect(planSegments(shards(100)).flat()).toEqual(shards(100));
  });

  test('a new shard changes the last two segments only: the newest, and the one its predecessor joins', () => {
    for (const count of [1, 2, SHARDS_PER_SEGMENT, SHARDS_PER_SEGMENT + 1, 27, 70]) {
      const before = planSegments(shards(count));
      const after = planSegments(shards(count + 1));
      const unchanged = Math.max(0, before.length - 2);
      expect(after.slice(0, unchanged)).toEqual(before.slice(0, unchanged));
    }
  });
});
