/**
 * The word index on disk (src/lib/search/postings.ts explains the format). Each shard's
 * blobs are cached in one file, a table of SHARD_BUCKETS + 1 offsets in front; a segment of
 * the site's index is those files' blobs put together, gzipped.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { postingsPath, SHARD_BUCKETS, segmentFiles } from '../../src/lib/search/postings';

const gzipAsync = promisify(gzip);

/** Segment files compressed and written at once. */
const FILES_IN_FLIGHT = 8;

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

/** A cached shard's blob for each bucket. */
async function readShardPostings(file: string): Promise<(bucket: number) => Uint8Array> {
  const bytes = await readFile(file);
  const table = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (SHARD_BUCKETS + 1) * 4));
  if (table[SHARD_BUCKETS] !== bytes.length) throw new Error(`${file}: the postings file is cut short or damaged`);
  return (bucket) => bytes.subarray(table[bucket]!, table[bucket + 1]!);
}

/** How many files the segment of these cached shards has. */
export async function segmentFilesOf(shardFiles: readonly string[]): Promise<number> {
  const sizes = await Promise.all(shardFiles.map(async (file) => (await stat(file)).size - (SHARD_BUCKETS + 1) * 4));
  return segmentFiles(sizes.reduce((sum, size) => sum + size, 0));
}

/** Writes a segment of the site's index, in `files` files, from its shards' cached postings; returns each file's gzipped size. */
export async function writeSegment(
  outDir: string,
  segment: string,
  shardFiles: readonly string[],
  files: number,
): Promise<number[]> {
  const shards = await Promise.all(shardFiles.map(readShardPostings));
  const dir = path.join(outDir, path.dirname(postingsPath(segment, 0)));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const sizes: number[] = new Array(files);
  // zlib works on libuv's threads: several files in flight keep both cores compressing while files are written.
  let next = 0;
  const writeNext = async (): Promise<void> => {
    for (let file = next++; file < files; file = next++) {
      const blobs: Uint8Array[] = [];
      for (let bucket = file; bucket < SHARD_BUCKETS; bucket += files)
        for (const shard of shards) blobs.push(shard(bucket));
      // Level 6 writes files as small as level 9 here (positions are varints already), and faster.
      const gzipped = await gzipAsync(Buffer.concat(blobs), { level: 6 });
      await writeFile(path.join(outDir, postingsPath(segment, file)), gzipped);
      sizes[file] = gzipped.length;
    }
  };
  await Promise.all(Array.from({ length: FILES_IN_FLIGHT }, writeNext));
  return sizes;
}
