/**
 * The word index on disk (src/lib/search/postings.ts explains the format). Each shard's
 * blobs are cached in one file, a table of SHARD_BUCKETS + 1 offsets in front; a segment
 * of the site's index is those blobs put together, shard after shard, in each of its files.
 * When a segment's first shards are already in its files as they are, only what follows
 * them is written again: a new day rewrites the end of each file, not the whole index.
 */
import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SHARD_BUCKETS } from '../../src/lib/search/buckets';
import { postingsPath } from '../../src/lib/search/postings';
import { overwriteFileSync } from './files';

/** Segment files written before the build's other work gets a turn. */
const FILES_BETWEEN_BREAKS = 512;
const TABLE_BYTES = (SHARD_BUCKETS + 1) * 4;

export async function writeShardPostings(file: string, blobs: readonly Uint8Array[]): Promise<void> {
  if (blobs.length !== SHARD_BUCKETS) throw new Error(`${file}: ${blobs.length} buckets instead of ${SHARD_BUCKETS}`);
  const table = new Uint32Array(SHARD_BUCKETS + 1);
  let offset = table.byteLength;
  blobs.forEach((blob, bucket) => {
    table[bucket] = offset;
    offset += blob.length;
  });
  table[SHARD_BUCKETS] = offset;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.concat([Buffer.from(table.buffer), ...blobs]));
}

/** A cached shard's bucket table, and its blobs when they were read. */
interface CachedShard {
  table: Uint32Array;
  bytes?: Buffer;
}

async function readShard(file: string, withBlobs: boolean): Promise<CachedShard> {
  let bytes: Buffer;
  let size: number;
  if (withBlobs) {
    bytes = await readFile(file);
    size = bytes.length;
  } else {
    const handle = await open(file, 'r');
    try {
      bytes = Buffer.alloc(TABLE_BYTES);
      await handle.read(bytes, 0, TABLE_BYTES, 0);
      size = (await handle.stat()).size;
    } finally {
      await handle.close();
    }
  }
  const table = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + TABLE_BYTES));
  if (table[SHARD_BUCKETS] !== size) throw new Error(`${file}: the postings file is cut short or damaged`);
  return withBlobs ? { table, bytes } : { table };
}

/** The bytes of a cached shard's blobs, without its table. */
export async function shardBlobBytes(file: string): Promise<number> {
  return (await stat(file)).size - TABLE_BYTES;
}

/** How long the part of segment file `file` (of `files`) that comes from this shard is. */
function partLength(shard: CachedShard, file: number, files: number): number {
  let length = 0;
  for (let bucket = file; bucket < SHARD_BUCKETS; bucket += files)
    length += shard.table[bucket + 1]! - shard.table[bucket]!;
  return length;
}

function part(shard: CachedShard, file: number, files: number): Buffer[] {
  const blobs: Buffer[] = [];
  for (let bucket = file; bucket < SHARD_BUCKETS; bucket += files)
    blobs.push(shard.bytes!.subarray(shard.table[bucket]!, shard.table[bucket + 1]!));
  return blobs;
}

/** What a segment's folder holds already: its first `shards` shards, in files of these sizes. */
export interface SegmentKept {
  shards: number;
  sizes: readonly number[];
}

export interface SegmentWritten {
  /** Each file's size. */
  sizes: number[];
  /** Bytes written. */
  written: number;
}

/**
 * Writes the segment `segment` of these cached shards under `outDir`, in `files` files.
 * With `kept`, the segment's folder holds its first shards already, and a file still of
 * the size it was left at keeps them and has the rest written after them; any other file
 * is written whole.
 */
export async function writeSegment(
  outDir: string,
  segment: string,
  shardFiles: readonly string[],
  files: number,
  kept?: SegmentKept,
): Promise<SegmentWritten> {
  const keptShards = kept && kept.sizes.length === files ? kept.shards : 0;
  const shards = await Promise.all(shardFiles.map((file, index) => readShard(file, index >= keptShards)));
  const fileName = (file: number) => path.join(outDir, postingsPath(segment, file));
  if (keptShards === 0) {
    // Its files are written over in place (see overwriteFileSync); only those it no longer has are removed.
    const folder = path.dirname(fileName(0));
    await mkdir(folder, { recursive: true });
    const wanted = new Set(Array.from({ length: files }, (_, file) => path.basename(fileName(file))));
    for (const name of await readdir(folder)) if (!wanted.has(name)) await rm(path.join(folder, name), { force: true });
  }
  const sizes: number[] = new Array(files);
  let written = 0;
  /** Writes what follows the kept shards in the file, if it is as it was left; whether it was. */
  const appendTo = (file: number): boolean => {
    let descriptor: number;
    try {
      descriptor = openSync(fileName(file), 'r+');
    } catch {
      return false;
    }
    try {
      let start = 0;
      for (let index = 0; index < keptShards; index++) start += partLength(shards[index]!, file, files);
      if (fstatSync(descriptor).size !== kept!.sizes[file] || start > kept!.sizes[file]!) return false;
      const body = Buffer.concat(shards.slice(keptShards).flatMap((shard) => part(shard, file, files)));
      writeSync(descriptor, body, 0, body.length, start);
      ftruncateSync(descriptor, start + body.length);
      sizes[file] = start + body.length;
      written += body.length;
      return true;
    } finally {
      closeSync(descriptor);
    }
  };
  const writeWhole = async (file: number): Promise<void> => {
    // A file that cannot keep its first shards needs their blobs, read only then.
    for (const [index, shard] of shards.entries())
      if (!shard.bytes) shards[index] = await readShard(shardFiles[index]!, true);
    const body = Buffer.concat(shards.flatMap((shard) => part(shard, file, files)));
    overwriteFileSync(fileName(file), body);
    sizes[file] = body.length;
    written += body.length;
  };
  // Synchronous calls: tens of thousands of small files cost five times as long through the thread pool.
  for (let file = 0; file < files; file++) {
    if (keptShards === 0 || !appendTo(file)) await writeWhole(file);
    if (file % FILES_BETWEEN_BREAKS === FILES_BETWEEN_BREAKS - 1) await new Promise(setImmediate);
  }
  return { sizes, written };
}
