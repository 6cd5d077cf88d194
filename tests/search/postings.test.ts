import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bucketOf, SHARD_BUCKETS } from '../../src/lib/search/buckets';
import {
  segmentFiles,
  segmentFilesFor,
  SEGMENT_FILE_BYTES,
  fileCosts,
  LARGE_FILE_BYTES,
  listLargeFiles,
  findWord,
  locateWord,
  readPositions,
  recordsWithAll,
  type WordPostingList,
} from '../../src/lib/search/postings';
import { headlineWords } from '../../src/lib/search/headlines';
import { collectPostings, collectSlotPostings, encodeShardBuckets } from '../../src/lib/search/shard-postings';
import { ARTICLES_PER_SHARD } from '../../src/lib/search/records';
import {
  charWord,
  HEADLINE_REGION,
  jiebaWord,
  layOutSlot,
  SLOT_WIDTH,
  slotWords,
  type SlotText,
} from '../../src/lib/search/tokens';
import { seededRandom } from '../../scripts/lib/seeded-random';

/** A segment's file for the bucket of `word`: the shards' blobs one after another, as the build writes it. */
function segmentFile(word: string, ...shards: Array<[string, string[][]]>): Uint8Array {
  const blobs = shards.map(([name, records]) => encodeShardBuckets(name, collectPostings(records))[bucketOf(word)]!);
  return Uint8Array.from(blobs.flatMap((blob) => [...blob]));
}

describe('the word index', () => {
  test('a word is found in every shard and record that holds it, at its positions', () => {
    // Record 0 of s2016: two articles; the second begins a slot later. Record 1 holds the word once.
    const older: [string, string[][]] = ['s2016', [['abab . cdcd abab', 'abab'], ['cdcd abab']]];
    const newer: [string, string[][]] = ['s2017', [['cdcd'], ['. . abab']]];
    expect(findWord(segmentFile('abab', older, newer), 'abab')).toEqual([
      {
        shard: 's2016',
        records: [
          { record: 0, positions: [0, 3, SLOT_WIDTH] },
          { record: 1, positions: [1] },
        ],
      },
      { shard: 's2017', records: [{ record: 1, positions: [2] }] },
    ]);
  });

  test('only the word itself is found, never a longer one beginning with it', () => {
    const file = segmentFile('abab', ['s1', [['ababcdcd ababab']]]);
    expect(findWord(file, 'abab')).toEqual([]);
  });

  test('large record numbers and positions survive the encoding', () => {
    const records = Array.from({ length: 300 }, () => [] as string[]);
    records[299] = [
      'p',
      'q',
      `${Array(SLOT_WIDTH * 2)
        .fill('.')
        .join(' ')} abcd`,
    ];
    expect(findWord(segmentFile('abcd', ['s1', records]), 'abcd')).toEqual([
      { shard: 's1', records: [{ record: 299, positions: [4 * SLOT_WIDTH] }] },
    ]);
  });

  test('a word written once per article is kept by its slot and whether it is in the headline, a byte each', () => {
    // 甲 is in the headline of the articles in slots 0 and 2, in the body of those in slots 1 and 2.
    const slots = [
      { decks: ['甲子'], paragraphs: ['丙丁'], words: [] },
      { decks: ['乙丑'], paragraphs: ['丙甲'], words: [] },
      { decks: ['甲寅'], paragraphs: ['甲卯'], words: ['甲寅卯'] },
    ];
    const postings = collectSlotPostings([slots.map(layOutSlot)]);
    const file = encodeShardBuckets('s1', postings)[bucketOf(charWord('甲'))]!;
    expect(findWord(file, charWord('甲'))).toEqual([
      { shard: 's1', records: [{ record: 0, positions: [0, 3, 4, 5] }] },
    ]);
    const jieba = encodeShardBuckets('s1', postings)[bucketOf(jiebaWord('甲寅卯'))]!;
    expect(findWord(jieba, jiebaWord('甲寅卯'))).toEqual([{ shard: 's1', records: [{ record: 0, positions: [5] }] }]);
  });

  test('a large blob is deflated and reads back the same; a small one is kept as it is', () => {
    // A word in 300 records, a position in each of 20 slots: its blob is kilobytes, and repetitive.
    const records = Array.from({ length: 300 }, (_, record) =>
      Array.from({ length: 20 }, (_, slot) => `${'. '.repeat((record + slot) % 50)}abab cdcd`),
    );
    const plain = encodeShardBuckets('s1', collectPostings(records));
    const deflated = encodeShardBuckets('s1', collectPostings(records), deflateRawSync);
    const bucket = bucketOf('abab');
    expect(deflated[bucket]!.length).toBeLessThan(plain[bucket]!.length / 2);
    expect(findWord(deflated[bucket]!, 'abab')).toEqual(findWord(plain[bucket]!, 'abab'));
    expect(findWord(deflated[bucket]!, 'abab')[0]!.records).toHaveLength(300);
    const small = encodeShardBuckets('s1', collectPostings([['abab cdcd']]), deflateRawSync);
    expect(small[bucket]).toEqual(encodeShardBuckets('s1', collectPostings([['abab cdcd']]))[bucket]);
  });

  test('a deflated blob that does not inflate is reported, not read as no words', () => {
    const records = Array.from({ length: 300 }, () => ['abab abab abab']);
    const blob = encodeShardBuckets('s1', collectPostings(records), deflateRawSync)[bucketOf('abab')]!;
    const spoilt = blob.slice();
    spoilt.fill(0xff, 4, 12);
    expect(() => findWord(spoilt, 'abab')).toThrow(/cannot be read/u);
  });

  test('every bucket of a shard is written, empty where it has no word', () => {
    const blobs = encodeShardBuckets('s1', collectPostings([['abab cdcd']]));
    expect(blobs).toHaveLength(SHARD_BUCKETS);
    expect(blobs.filter((blob) => blob.length > 0).length).toBeLessThanOrEqual(2);
  });

  test('a segment has more files as it grows, up to one per bucket', () => {
    expect(segmentFiles(0)).toBe(1);
    expect(segmentFiles(SEGMENT_FILE_BYTES)).toBe(1);
    expect(segmentFiles(SEGMENT_FILE_BYTES + 1)).toBe(2);
    expect(segmentFiles(1000 * SEGMENT_FILE_BYTES)).toBe(1024);
    expect(segmentFiles(10 ** 12)).toBe(SHARD_BUCKETS);
  });

  test("a segment's files are set for good once a shard begins after 500 articles, sized for a full segment", () => {
    const daily = { articles: ARTICLES_PER_SHARD, bytes: 8_000_000 };
    expect(segmentFilesFor([])).toBe(1);
    expect(segmentFilesFor([{ articles: 1000, bytes: 3_200_000 }])).toBe(segmentFiles(3_200_000));
    const full = segmentFilesFor([daily, { articles: 1, bytes: 3_300 }]);
    // 32 shards of 8 MB: 32,768 files of about 8 KB.
    expect(full).toBe(2 ** 15);
    expect(segmentFilesFor([daily, daily, { articles: 7, bytes: 99 }])).toBe(full);
    // 3.4 KB an article would make 33,200 files of 8 KB: rounded to the nearest power of two, not up.
    expect(segmentFilesFor([{ articles: 2400, bytes: 2400 * 3400 }, daily])).toBe(2 ** 15);
    // A short first shard (the archive began late in a month) is measured with the next, once one begins after them.
    const short = { articles: ARTICLES_PER_SHARD / 10, bytes: 800_000 };
    expect(segmentFilesFor([short, daily])).toBe(segmentFiles(8_800_000));
    expect(segmentFilesFor([short, daily, { articles: 1, bytes: 3_300 }])).toBe(full);
  });

  test('a few articles get a few files, however much a word of their own weighs', () => {
    // The five sample pages: 6 articles of 2024 and 27 of 2026, each shard a blob for most of its words.
    const sample = [
      { articles: 6, bytes: 150_000 },
      { articles: 27, bytes: 300_000 },
    ];
    expect(segmentFilesFor(sample)).toBe(64);
    expect(segmentFilesFor([...sample, { articles: 40, bytes: 400_000 }])).toBe(128);
  });

  test("the index lists a segment's large files with their size, so a query can tell what a word would cost", () => {
    const sizes = [3_000, 40_000, 9_000, LARGE_FILE_BYTES, 120_000, 200];
    const cost = fileCosts(listLargeFiles(sizes));
    expect(cost(1)).toBeCloseTo(40_000, -3);
    expect(cost(3)).toBeCloseTo(LARGE_FILE_BYTES, -3);
    expect(cost(4)).toBeCloseTo(120_000, -3);
    for (const small of [0, 2, 5]) expect(cost(small)).toBeLessThan(LARGE_FILE_BYTES);
    expect(listLargeFiles([1_000, 2_000])).toEqual([]);
  });

  test('a bucket file cut short is reported, not read as fewer words', () => {
    const file = segmentFile('abab', ['s1', [['abab abab abab']]]);
    expect(() => findWord(file.subarray(0, file.length - 1), 'abab')).toThrow(/past the end/u);
  });

  const deckWordsAt = (decks: readonly string[], offset: number) =>
    headlineWords(decks).flatMap(([word, marks]) =>
      marks.some((mark) => (mark === 0 ? 0 : HEADLINE_REGION) === offset) ? [word] : [],
    );
  test("a shard's words gathered from its articles' layouts are the words each slot is written as, with over 100,000 distinct bigrams", () => {
    // 400 characters in a scrambled order make some 110,000 distinct pairs; astral and Latin characters take the other path, and common bigrams add their trigrams.
    const chars = Array.from({ length: 400 }, (_, index) => String.fromCharCode(0x4e00 + index * 7));
    const next = seededRandom(1);
    const paragraph = (length: number) =>
      Array.from({ length }, () => chars[Math.floor(next() * chars.length)]).join('');
    const articles: SlotText[] = Array.from({ length: 200 }, (_, index) => ({
      decks: [paragraph(12), index % 7 === 0 ? '𠮷野家 AI 5G' : paragraph(8)],
      paragraphs: [paragraph(900), `${paragraph(20)}𠮷𠮷${paragraph(20)}`, `推动产业发展${paragraph(5)}`],
      words: ['人工智能', '𠮷野家'],
    }));
    const records = Array.from({ length: 7 }, (_, record) => articles.slice(record * 30, record * 30 + 30));
    const postings = collectSlotPostings(records.map((slots) => slots.map(layOutSlot)));
    expect(postings.words.length).toBeGreaterThan(100000);
    const gathered = encodeShardBuckets('s1', postings);
    const written = encodeShardBuckets(
      's1',
      collectPostings(
        records.map((slots) =>
          slots.map((text) =>
            slotWords(text)
              // The decks' whole words (headlines.ts), once each, at offsets that oncePosition takes to their marks.
              .words.map((held, offset) => [...held, ...deckWordsAt(text.decks, offset)].join('+'))
              .join(' '),
          ),
        ),
      ),
    );
    expect(gathered).toEqual(written);
  });
});

describe('records holding every word searched', () => {
  /** A word's postings: record number → positions. */
  const list = (postings: Record<number, number[]>): WordPostingList => {
    const records = Object.keys(postings).map(Number);
    return { records, positions: (row) => postings[records[row]!]! };
  };

  test('keeps the records that hold all the words, with the positions of each', () => {
    const first = list({ 0: [1, 7], 1: [3] });
    const second = list({ 0: [2, 5], 2: [4] });
    expect(recordsWithAll([first, second])).toEqual([
      {
        record: 0,
        positions: [
          [1, 7],
          [2, 5],
        ],
      },
    ]);
    expect(recordsWithAll([second])).toEqual([
      { record: 0, positions: [[2, 5]] },
      { record: 2, positions: [[4]] },
    ]);
    expect(recordsWithAll([])).toEqual([]);
  });

  test('reads the positions of the records that hold every word and pass the filter, and of no other', () => {
    const read: number[] = [];
    const watched = (postings: Record<number, number[]>): WordPostingList => {
      const plain = list(postings);
      return { records: plain.records, positions: (row) => (read.push(plain.records[row]!), plain.positions(row)) };
    };
    const common = watched({ 0: [1], 1: [1], 2: [1], 3: [1], 4: [1] });
    const rare = watched({ 1: [2], 3: [2], 4: [2] });
    expect(recordsWithAll([common, rare], (record) => record !== 4).map((hit) => hit.record)).toEqual([1, 3]);
    expect(read.sort()).toEqual([1, 1, 3, 3]);
  });

  test('a word located in a file has the positions findWord reads, record by record', () => {
    const file = segmentFile('abab', ['s1', [['abab cdcd abab', 'abab'], [], ['p abab']]]);
    const [located] = locateWord(file, 'abab');
    expect(located!.records).toEqual([0, 2]);
    expect(
      located!.records.map((_, row) => readPositions(located!.bytes, located!.offsets[row]!, located!.counts[row]!)),
    ).toEqual([[0, 2, SLOT_WIDTH], [1]]);
  });
});
