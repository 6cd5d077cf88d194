/**
 * A shard's postings, gathered from its records and written as its bucket blobs (the
 * format is in postings.ts). Build-time: the browser only reads them.
 *
 * A shard of 2,500 articles has some four million word occurrences. Each distinct word is
 * numbered when first seen (and written in the index's letters then, once); an occurrence
 * is three numbers in typed arrays. Occurrences arrive in ascending record and position
 * order, so sorting them by word with a stable counting sort leaves each word's records
 * and positions ascending, as the blobs keep them.
 */
import { headlineWords } from './headlines';
import { bucketOf, SHARD_BUCKETS } from './buckets';
import { DEFLATE_FROM } from './postings';
import {
  FILLER,
  isOnceWord,
  oncePosition,
  SLOT_WIDTH,
  slotTokenParts,
  tokenWord,
  type SlotLayout,
  type TokenKind,
} from './tokens';
import { pairKey } from './trigrams';

function grown(array: Int32Array, wanted: number): Int32Array {
  if (wanted <= array.length) return array;
  const larger = new Int32Array(Math.max(wanted, array.length * 2));
  larger.set(array);
  return larger;
}

export class ShardPostings {
  /** Index words by number. */
  readonly words: string[] = [];
  private readonly numbers = new Map<string, number>();
  private count = 0;
  private wordAt: Int32Array = new Int32Array(1024);
  private recordAt: Int32Array = new Int32Array(1024);
  private positionAt: Int32Array = new Int32Array(1024);

  /** The number of an index word, given when it is first seen. */
  wordNumber(word: string): number {
    let number = this.numbers.get(word);
    if (number === undefined) {
      number = this.words.length;
      this.numbers.set(word, number);
      this.words.push(word);
    }
    return number;
  }

  /** One occurrence; record by record, and within a record position by position. */
  add(word: number, record: number, position: number): void {
    if (this.count === this.wordAt.length) {
      this.wordAt = grown(this.wordAt, this.count + 1);
      this.recordAt = grown(this.recordAt, this.count + 1);
      this.positionAt = grown(this.positionAt, this.count + 1);
    }
    this.wordAt[this.count] = word;
    this.recordAt[this.count] = record;
    this.positionAt[this.count] = position;
    this.count++;
  }

  /** Each word's occurrences, together: word w's are `from[w]` to `from[w + 1]` of `records` and `positions`. */
  byWord(): { from: Int32Array; records: Int32Array; positions: Int32Array } {
    const from = new Int32Array(this.words.length + 1);
    for (let index = 0; index < this.count; index++) from[this.wordAt[index]! + 1]!++;
    for (let word = 0; word < this.words.length; word++) from[word + 1]! += from[word]!;
    const next = from.slice(0, this.words.length);
    const records = new Int32Array(this.count);
    const positions = new Int32Array(this.count);
    for (let index = 0; index < this.count; index++) {
      const slot = next[this.wordAt[index]!]!++;
      records[slot] = this.recordAt[index]!;
      positions[slot] = this.positionAt[index]!;
    }
    return { from, records, positions };
  }
}

/**
 * Numbers by a bigram of two characters of the Basic Multilingual Plane, keyed by their code
 * units: a shard has millions of bigram occurrences, and joining each into a string to look
 * it up took over a third of the shard's postings step.
 */
class PairNumbers {
  private keys = new Uint32Array(1 << 16);
  private values = new Int32Array(1 << 16).fill(-1);
  private size = 0;
  /** 32 less the table's bits: a product's high bits depend on all of the key's, its low bits only on the key's low bits (the second character). */
  private shift = 16;

  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.values[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  /** The pair's number, or -1 when it has none yet. */
  get(key: number): number {
    return this.values[this.slotOf(key)]!;
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const slot = this.slotOf(key);
    if (this.values[slot] === -1) this.size++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    this.shift--;
    for (let slot = 0; slot < keys.length; slot++) {
      if (values[slot] === -1) continue;
      const to = this.slotOf(keys[slot]!);
      this.keys[to] = keys[slot]!;
      this.values[to] = values[slot]!;
    }
  }
}

/** A shard's postings from its records' slots, each laid out by layOutSlot: slot s of a record begins at position s × SLOT_WIDTH. */
export function collectSlotPostings(records: ReadonlyArray<ReadonlyArray<SlotLayout>>): ShardPostings {
  const postings = new ShardPostings();
  const pairs = new PairNumbers();
  // Other tokens are looked up as their characters, far shorter than their words; one table per kind, as kinds write alike characters differently.
  const known: Record<TokenKind, Map<string, number>> = {
    bigram: new Map(),
    trigram: new Map(),
    char: new Map(),
    jieba: new Map(),
  };
  const numberOf = (kind: TokenKind, text: string) => {
    const table = known[kind];
    let number = table.get(text);
    if (number === undefined) table.set(text, (number = postings.wordNumber(tokenWord(kind, text))));
    return number;
  };
  records.forEach((slots, record) => {
    slots.forEach((layout, slot) => {
      const start = slot * SLOT_WIDTH;
      slotTokenParts(
        layout,
        (first, second, offset) => {
          let number: number;
          if (first.length === 1 && second.length === 1) {
            const key = pairKey(first, second);
            number = pairs.get(key);
            if (number === -1) pairs.set(key, (number = postings.wordNumber(tokenWord('bigram', first + second))));
          } else number = numberOf('bigram', first + second);
          postings.add(number, record, start + offset);
        },
        (kind, text, offset) =>
          postings.add(
            numberOf(kind, text),
            record,
            kind === 'char' || kind === 'jieba' ? oncePosition(slot, offset) : start + offset,
          ),
      );
      // Written once per article, on its slot's headline side.
      for (const [word, marks] of headlineWords(layout.printedDecks))
        for (const mark of marks) postings.add(postings.wordNumber(word), record, oncePosition(slot, 0) + mark);
    });
  });
  return postings;
}

/**
 * A shard's postings from its records' slots given as their words: positions space-separated,
 * the words of one position joined by "+" (fillers take a position).
 */
export function collectPostings(records: ReadonlyArray<ReadonlyArray<string>>): ShardPostings {
  const postings = new ShardPostings();
  records.forEach((slots, record) => {
    slots.forEach((text, slot) => {
      text.split(' ').forEach((words, offset) => {
        for (const word of words.split('+')) {
          if (!word || word === FILLER) continue;
          const position = isOnceWord(word) ? oncePosition(slot, offset) : slot * SLOT_WIDTH + offset;
          postings.add(postings.wordNumber(word), record, position);
        }
      });
    });
  });
  return postings;
}

class ByteWriter {
  bytes = new Uint8Array(4096);
  length = 0;

  private room(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  varint(value: number): void {
    this.room(5);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.length++] = rest;
  }

  ascii(text: string): void {
    this.varint(text.length);
    this.room(text.length);
    for (let index = 0; index < text.length; index++) this.bytes[this.length++] = text.charCodeAt(index);
  }

  append(other: ByteWriter): void {
    this.raw(other.bytes.subarray(0, other.length));
  }

  raw(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }
}

/** A word's data: record count · (record delta · position count · position deltas*)*. */
function writeWordData(out: ByteWriter, records: Int32Array, positions: Int32Array, from: number, to: number): void {
  let recordCount = 0;
  for (let index = from; index < to; index++)
    if (index === from || records[index] !== records[index - 1]) recordCount++;
  out.varint(recordCount);
  let previousRecord = 0;
  for (let index = from; index < to;) {
    const record = records[index]!;
    let end = index;
    while (end < to && records[end] === record) end++;
    out.varint(record - previousRecord);
    previousRecord = record;
    out.varint(end - index);
    let previous = 0;
    for (; index < end; index++) {
      out.varint(positions[index]! - previous);
      previous = positions[index]!;
    }
  }
}

/** Bytes `value` takes as a varint. */
function varintLength(value: number): number {
  let bytes = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 128)) bytes++;
  return bytes;
}

/** Raw DEFLATE (node:zlib's deflateRawSync at build time). */
export type Deflate = (bytes: Uint8Array) => Uint8Array;

/**
 * A shard's blob for each bucket (empty where it has no word of that bucket): views into one
 * buffer. With `deflate`, a blob of `deflateFrom` bytes or more is deflated where that makes it smaller.
 */
export function encodeShardBuckets(
  shard: string,
  postings: ShardPostings,
  deflate?: Deflate,
  deflateFrom = DEFLATE_FROM,
): Uint8Array[] {
  const { words } = postings;
  const { from, records, positions } = postings.byWord();
  const perBucket: number[][] = Array.from({ length: SHARD_BUCKETS }, () => []);
  words.forEach((word, number) => perBucket[bucketOf(word)]!.push(number));
  const out = new ByteWriter();
  const header = new ByteWriter();
  const data = new ByteWriter();
  const spans: Array<[number, number]> = perBucket.map((numbers) => {
    const start = out.length;
    if (numbers.length === 0) return [start, start];
    // Code unit order, as the words are ASCII.
    numbers.sort((a, b) => (words[a]! < words[b]! ? -1 : 1));
    header.length = 0;
    data.length = 0;
    header.ascii(shard);
    header.varint(numbers.length);
    for (const number of numbers) {
      const before = data.length;
      writeWordData(data, records, positions, from[number]!, from[number + 1]!);
      header.ascii(words[number]!);
      header.varint(data.length - before);
    }
    // The blob's content: its header, then its words' data.
    header.append(data);
    const content = header.bytes.subarray(0, header.length);
    const deflated = deflate && content.length >= deflateFrom ? deflate(content) : undefined;
    const sizeBytes = varintLength(content.length);
    if (deflated && sizeBytes + deflated.length < content.length) {
      // The content's length first, so that the page inflates into a buffer of that size.
      out.varint((sizeBytes + deflated.length) * 2 + 1);
      out.varint(content.length);
      out.raw(deflated);
    } else {
      out.varint(content.length * 2);
      out.raw(content);
    }
    return [start, out.length];
  });
  return spans.map(([start, end]) => out.bytes.subarray(start, end));
}
