import { describe, expect, test } from 'vitest';
import { ARTICLES_PER_SHARD, planShards, type ShardArticle } from '../../src/lib/search/records';
import { shardsPerWorker } from '../../src/scripts/search/pagefind-backend';

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

describe('searching the shards in the browser', () => {
  const shards = (count: number) => Array.from({ length: count }, (_, index) => `shard${index}`);

  test('a small archive is searched by one Pagefind worker holding every shard', () => {
    expect(shardsPerWorker(shards(1), 8)).toEqual([[]]);
    expect(shardsPerWorker(shards(5), 8)).toEqual([['shard1', 'shard2', 'shard3', 'shard4']]);
  });

  test('a large one is split between two workers, one per core, each also holding the first shard', () => {
    const split = shardsPerWorker(shards(27), 2);
    expect(split).toHaveLength(2);
    expect(split.map((part) => part.length)).toEqual([13, 13]);
    expect(split.flat()).toEqual(shards(27).slice(1));
  });

  test('a one-core device keeps one worker', () => {
    expect(shardsPerWorker(shards(27), 1)).toEqual([shards(27).slice(1)]);
  });
});
