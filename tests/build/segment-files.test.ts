/**
 * The word index's segments on disk: a build that finds a segment's first shards already
 * in its files writes only what follows them, and leaves exactly the files a build from
 * nothing writes.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { shardBlobBytes, writeSegment, writeShardPostings } from '../../scripts/lib/postings-files';
import { fileOf, findWord, postingsPath } from '../../src/lib/search/postings';
import { collectPostings, encodeShardBuckets } from '../../src/lib/search/shard-postings';
import { SLOT_WIDTH } from '../../src/lib/search/tokens';
import { runFolder } from '../helpers/run-folder';

let work: string;
const shardFile = (name: string) => path.join(work, 'cache', `${name}.bin`);

/** Caches a shard whose records hold these words (records.ts lays out articles the same way). */
async function cacheShard(name: string, records: string[][]): Promise<string> {
  await writeShardPostings(shardFile(name), encodeShardBuckets(name, collectPostings(records)));
  return shardFile(name);
}

async function segmentBytes(dir: string, segment: string, files: number): Promise<Buffer[]> {
  return Promise.all(Array.from({ length: files }, (_, file) => readFile(path.join(dir, postingsPath(segment, file)))));
}

/** Words enough that every one of 16 files holds some of each shard. */
const wordsOf = (seed: string) => Array.from({ length: 400 }, (_, index) => `${seed}${index.toString(26)}`);

beforeEach(async () => {
  work = await runFolder('segments-');
});

describe('segments of the word index on disk', () => {
  const FILES = 16;

  test("a word's file holds it for every shard of the segment, the later shards after the earlier", async () => {
    const shards = [await cacheShard('s1', [['abab cdcd']]), await cacheShard('s2', [['p', 'abab']])];
    await writeSegment(work, 'seg', shards, FILES);
    const file = await readFile(path.join(work, postingsPath('seg', fileOf('abab', FILES))));
    expect(findWord(file, 'abab')).toEqual([
      { shard: 's1', records: [{ record: 0, positions: [0] }] },
      { shard: 's2', records: [{ record: 0, positions: [SLOT_WIDTH] }] },
    ]);
  });

  test('a new day in the last shard rewrites the end of each file only, and the files are what a full build writes', async () => {
    const first = await cacheShard('s1', [wordsOf('a')]);
    await cacheShard('s2', [wordsOf('b')]);
    const kept = await writeSegment(work, 'seg', [first, shardFile('s2')], FILES);
    // The last shard gains a day's words; the first is as it was.
    const grown = await cacheShard('s2', [wordsOf('b'), wordsOf('c')]);
    const updated = await writeSegment(work, 'seg', [first, grown], FILES, { shards: 1, sizes: kept.sizes });
    const fresh = path.join(work, 'fresh');
    const whole = await writeSegment(fresh, 'seg', [first, grown], FILES);
    expect(await segmentBytes(work, 'seg', FILES)).toEqual(await segmentBytes(fresh, 'seg', FILES));
    expect(updated.sizes).toEqual(whole.sizes);
    expect(updated.written).toBe(whole.written - (await shardBlobBytes(first)));
  });

  test('a new shard is appended to the files, the others are kept', async () => {
    const shards = [await cacheShard('s1', [wordsOf('a')]), await cacheShard('s2', [wordsOf('b')])];
    const kept = await writeSegment(work, 'seg', shards, FILES);
    const third = await cacheShard('s3', [wordsOf('c')]);
    const updated = await writeSegment(work, 'seg', [...shards, third], FILES, { shards: 2, sizes: kept.sizes });
    const whole = await writeSegment(path.join(work, 'fresh'), 'seg', [...shards, third], FILES);
    expect(await segmentBytes(work, 'seg', FILES)).toEqual(await segmentBytes(path.join(work, 'fresh'), 'seg', FILES));
    expect(updated.written).toBe(whole.written - kept.written);
  });

  test('a file changed since it was written is written whole, not appended to', async () => {
    const shards = [await cacheShard('s1', [wordsOf('a')]), await cacheShard('s2', [wordsOf('b')])];
    const kept = await writeSegment(work, 'seg', shards, FILES);
    const damaged = path.join(work, postingsPath('seg', 3));
    await writeFile(damaged, 'edited by hand');
    await writeSegment(work, 'seg', shards, FILES, { shards: 1, sizes: kept.sizes });
    const fresh = path.join(work, 'fresh');
    await writeSegment(fresh, 'seg', shards, FILES);
    expect(await segmentBytes(work, 'seg', FILES)).toEqual(await segmentBytes(fresh, 'seg', FILES));
  });

  test('a segment written whole over its folder of the last build holds what a build from nothing writes', async () => {
    // A past month's pages changed: its shard is smaller now, and every file is shorter.
    const before = [await cacheShard('s1', [wordsOf('a'), wordsOf('d')]), await cacheShard('s2', [wordsOf('b')])];
    await writeSegment(work, 'seg', before, FILES);
    const after = [await cacheShard('s1', [wordsOf('a')]), shardFile('s2')];
    await writeSegment(work, 'seg', after, FILES);
    const fresh = path.join(work, 'fresh');
    await writeSegment(fresh, 'seg', after, FILES);
    expect(await segmentBytes(work, 'seg', FILES)).toEqual(await segmentBytes(fresh, 'seg', FILES));
  });

  test('a segment written from nothing leaves no file of an earlier layout behind', async () => {
    const shards = [await cacheShard('s1', [wordsOf('a')])];
    await writeSegment(work, 'seg', shards, FILES * 2);
    await writeSegment(work, 'seg', shards, FILES);
    expect(await readdir(path.join(work, path.dirname(postingsPath('seg', 0))))).toHaveLength(FILES);
  });
});
