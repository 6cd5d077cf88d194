/**
 * The archive's word index: for each word (tokens.ts), the records that hold it and the
 * positions where it occurs.
 *
 * Words are spread over buckets by a hash (buckets.ts; a headline deck's word names the
 * bucket of its first probe, headlines.ts), so a query fetches one file per word and index
 * segment, with no directory to load first. A shard writes one blob for each of
 * SHARD_BUCKETS buckets. A segment (records.ts) has `files` files, a power of two, file f
 * holding, shard after shard in the segment's order, the shard's blobs of every bucket b
 * with b mod files = f. So a segment is put together by concatenation, without decoding,
 * and when a new day changes the segment's last shard only the end of each file is
 * written again. So a file is not compressed as a whole: a blob of DEFLATE_FROM bytes or
 * more is, on its own (raw DEFLATE), where that makes it smaller. Those blobs hold most of
 * the index's bytes (a common word's positions), and deflating the many small ones would
 * cost a shard seconds and gain little. Numbers are unsigned LEB128 varints, positions and
 * record numbers delta-coded. A word written once per article keeps its positions by slot
 * (tokens.ts, oncePosition).
 *
 *   blob:     2 × length (+ 1 when deflated) · content, or its length and it deflated
 *             (inflated into a buffer of that length: several times faster than one that grows)
 *   content:  shard name · word count · (word · data length)* · data*
 *   data:     record count · (record delta · position count · position deltas*)*
 */
import { inflateSync } from 'fflate';
import type { RecordHits } from './engine';
import { bucketOf, SHARD_BUCKETS } from './buckets';
import { ARTICLES_PER_SHARD, SHARDS_PER_SEGMENT } from './records';
import { intersectAscending } from './sorted';

/**
 * A blob's content this large or larger is deflated, when that makes it smaller. Inflating a
 * blob costs the page its Huffman tables (some 15–25 µs) besides its bytes, and a smaller
 * blob saves less: a whole headline's files have some 230 blobs of 256 bytes or more, 80%
 * of them under 1 KB (measured at 50,000 articles: from 256 bytes, 6.5 ms of fflate a
 * headline query and 183 KB of files; from 1 KB, 2.8 ms and 200 KB).
 */
export const DEFLATE_FROM = 1024;

/** Bytes a segment's file holds on average, once the segment is full. */
export const SEGMENT_FILE_BYTES = 8 * 1024;

/** How many files `bytes` of blobs are spread over. */
export function segmentFiles(bytes: number): number {
  let files = 1;
  while (files < SHARD_BUCKETS && files * SEGMENT_FILE_BYTES < bytes) files *= 2;
  return files;
}

/** A cached shard's size: its articles and the bytes of its blobs. */
export interface ShardSize {
  articles: number;
  bytes: number;
}

/**
 * Articles a segment's first shards must hold to say what a full segment weighs. A shard of
 * a few articles weighs far more an article (a word of its own is a bucket's blob, with the
 * shard's name in front): the five sample pages' two shards, taken as the measure, gave
 * their 33 articles 65,536 files.
 */
const ARTICLES_TO_MEASURE = 500;

/**
 * How many files a segment of these shards has. Once a shard begins after shards holding
 * ARTICLES_TO_MEASURE articles or more, the number is set for good, from what those
 * articles weigh, for a segment of SHARDS_PER_SEGMENT full shards: later shards only append
 * to the files (about 32,768 files for a daily paper). Until then the segment is small: its
 * files grow with it, and it is written whole each time.
 */
export function segmentFilesFor(shards: readonly ShardSize[]): number {
  let articles = 0;
  let bytes = 0;
  for (const shard of shards) {
    // Counted so far: the shards before this one, so this one begins after them.
    if (articles >= ARTICLES_TO_MEASURE) {
      const full = (bytes / articles) * ARTICLES_PER_SHARD * SHARDS_PER_SEGMENT;
      // The nearest power of two: the estimate is rough, and twice the files is twice the writing of a day's build.
      const files = 2 ** Math.round(Math.log2(Math.max(1, full / SEGMENT_FILE_BYTES)));
      return Math.min(SHARD_BUCKETS, files);
    }
    articles += shard.articles;
    bytes += shard.bytes;
  }
  return segmentFiles(bytes);
}

/**
 * A segment's files this large or larger are listed in search/index.json with
 * their size, so that a query can probe a long term by bigrams in smaller files (query.ts).
 */
export const LARGE_FILE_BYTES = 16 * 1024;

/** What the page takes a file not listed as large to cost. */
const SMALL_FILE_COST = LARGE_FILE_BYTES / 2;

/** The large files among a segment's file sizes, as the index lists them: file number deltas and sizes in KiB, alternating. */
export function listLargeFiles(sizes: readonly number[]): number[] {
  const listed: number[] = [];
  let previous = 0;
  sizes.forEach((size, file) => {
    if (size < LARGE_FILE_BYTES) return;
    listed.push(file - previous, Math.round(size / 1024));
    previous = file;
  });
  return listed;
}

/** Bytes fetching a word costs in a segment, from its listed large files (listLargeFiles). */
export function fileCosts(listed: readonly number[]): (file: number) => number {
  const sizes = new Map<number, number>();
  let file = 0;
  for (let index = 0; index + 1 < listed.length; index += 2)
    sizes.set((file += listed[index]!), listed[index + 1]! * 1024);
  return (wanted) => sizes.get(wanted) ?? SMALL_FILE_COST;
}

/** Where the site keeps the word index. */
export const POSTINGS_DIR = 'search/postings';

/** A segment's file number `file`, under the site's root. */
export function postingsPath(segment: string, file: number): string {
  return `${POSTINGS_DIR}/${segment}/${file.toString(16)}.bin`;
}

/** The segment's file that holds `word`, when the segment has `files` files. */
export function fileOf(word: string, files: number): number {
  return bucketOf(word) % files;
}

/** A shard's short name, in its records' names: s202603 for the shard 2026-03. */
export function shardName(shardId: string): string {
  return `s${shardId.replace(/-/gu, '')}`;
}

/** A record's name: its shard's short name and its number there (also the start of its articles' display files). */
export function recordName(shard: string, record: number): string {
  return `${shard}_${record}`;
}

class ByteReader {
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.offset >= this.bytes.length;
  }

  varint(): number {
    // Positions and counts take one or two bytes: those are read with shifts, larger numbers by multiplying.
    const { bytes } = this;
    if (this.offset + 1 < bytes.length) {
      const first = bytes[this.offset]!;
      if (first < 0x80) {
        this.offset++;
        return first;
      }
      const second = bytes[this.offset + 1]!;
      if (second < 0x80) {
        this.offset += 2;
        return (first & 0x7f) | (second << 7);
      }
    }
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.offset >= bytes.length) throw new Error('postings: a number runs past the end of the file');
      const byte = bytes[this.offset++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }

  /** Whether the next length-prefixed ASCII string is `text`; moves past it either way. */
  asciiEquals(text: string): boolean {
    const length = this.varint();
    const start = this.offset;
    this.offset += length;
    if (length !== text.length) return false;
    for (let index = 0; index < length; index++) if (this.bytes[start + index] !== text.charCodeAt(index)) return false;
    return true;
  }

  /** Steps over `count` varints without reading them. */
  skipVarints(count: number): void {
    let remaining = count;
    while (remaining > 0) {
      if (this.offset >= this.bytes.length) throw new Error('postings: a number runs past the end of the file');
      if (this.bytes[this.offset++]! < 0x80) remaining--;
    }
  }

  ascii(): string {
    const length = this.varint();
    const text = String.fromCharCode(...this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }
}

/** One shard's postings of a word. */
export interface ShardWordPostings {
  shard: string;
  records: Array<{ record: number; positions: number[] }>;
}

/**
 * Where `word`'s postings are in a segment's file (blobs one after another): for each shard
 * that holds it, its records, and how many positions each has and where they begin. The
 * positions themselves are stepped over, not read: a query of several words reads them
 * only in the records that hold every word (readPositions).
 */
export function locateWord(file: Uint8Array, word: string): LocatedWord[] {
  const blobs = new ByteReader(file);
  const found: LocatedWord[] = [];
  while (!blobs.done) {
    const header = blobs.varint();
    const end = blobs.offset + Math.floor(header / 2);
    if (end > file.length) throw new Error('postings: a shard runs past the end of the file');
    const stored = file.subarray(blobs.offset, end);
    const content = header % 2 === 1 ? inflate(stored) : stored;
    blobs.offset = end;
    const reader = new ByteReader(content);
    const shard = reader.ascii();
    const count = reader.varint();
    let dataOffset = 0;
    let match: { offset: number } | undefined;
    for (let index = 0; index < count; index++) {
      const isWord = reader.asciiEquals(word);
      const dataLength = reader.varint();
      if (isWord) match = { offset: dataOffset };
      dataOffset += dataLength;
    }
    if (match) {
      const data = new ByteReader(content);
      data.offset = reader.offset + match.offset;
      const located: LocatedWord = { shard, bytes: content, records: [], counts: [], offsets: [] };
      let record = 0;
      for (let remaining = data.varint(); remaining > 0; remaining--) {
        record += data.varint();
        const positions = data.varint();
        located.records.push(record);
        located.counts.push(positions);
        located.offsets.push(data.offset);
        data.skipVarints(positions);
      }
      found.push(located);
    }
  }
  return found;
}

/** A deflated blob's content: its length, then it deflated. */
function inflate(blob: Uint8Array): Uint8Array {
  const reader = new ByteReader(blob);
  const length = reader.varint();
  let content: Uint8Array;
  try {
    content = inflateSync(blob.subarray(reader.offset), { out: new Uint8Array(length) });
  } catch (error) {
    throw new Error(`postings: a deflated shard cannot be read (${(error as Error).message})`);
  }
  if (content.length !== length) throw new Error('postings: a deflated shard is shorter than it says');
  return content;
}

/** Where a word is in one shard: its records, ascending, and each one's positions (how many, and where they begin in `bytes`). */
export interface LocatedWord {
  shard: string;
  /** The shard's blob, inflated: what `offsets` point into. */
  bytes: Uint8Array;
  records: number[];
  counts: number[];
  offsets: number[];
}

/** The `count` ascending positions whose deltas begin at `offset` in a blob (LocatedWord's `bytes`). */
export function readPositions(bytes: Uint8Array, offset: number, count: number): number[] {
  const reader = new ByteReader(bytes);
  reader.offset = offset;
  const positions = new Array<number>(count);
  let position = 0;
  for (let index = 0; index < count; index++) positions[index] = position += reader.varint();
  return positions;
}

/** The postings of `word` in a segment's file, positions and all. */
export function findWord(file: Uint8Array, word: string): ShardWordPostings[] {
  return locateWord(file, word).map(({ shard, bytes, records, counts, offsets }) => ({
    shard,
    records: records.map((record, row) => ({ record, positions: readPositions(bytes, offsets[row]!, counts[row]!) })),
  }));
}

/** A word's records (by number, ascending), and the word's positions in each, read when asked. */
export interface WordPostingList {
  records: readonly number[];
  positions(row: number): number[];
}

/**
 * What the engine asks of the index (engine.ts): the records, ascending, holding every one
 * of the words (and passing `keep`), with each word's positions there.
 */
export function recordsWithAll(
  perWord: readonly WordPostingList[],
  keep: (record: number) => boolean = () => true,
): RecordHits[] {
  const { values, rows } = intersectAscending(perWord.map((word) => word.records));
  const hits: RecordHits[] = [];
  for (let match = 0; match < values.length; match++) {
    const record = values[match]!;
    if (keep(record))
      hits.push({ record, positions: perWord.map((word, index) => word.positions(rows[index]![match]!)) });
  }
  return hits;
}
