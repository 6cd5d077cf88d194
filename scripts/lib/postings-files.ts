/**
 * The word index on disk (src/lib/search/postings.ts explains the format). Each shard's
 * blobs are cached in one file, a table of BUCKETS + 1 offsets in front; a segment of the
 * site's index is those files' blobs put together bucket by bucket, gzipped, one file per
 * bucket.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUCKETS, postingsPath } from '../../src/lib/search/postings';

export async function writeShardPostings(file: string, blobs: readonly Uint8Array[]): Promise<void> {
  if (blobs.length !== BUCKETS) throw new Error(`${file}: ${blobs.length} buckets instead of ${BUCKETS}`);
  const table = new Uint32Array(BUCKETS + 1);
  let offset = table.byteLength;
  blobs.forEach((blob, bucket) => {
    table[bucket] = offset;
    offset += blob.length;
  });
  table[BUCKETS] = offset;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.concat([Buffer.from(table.buffer), ...blobs]));
}

/** A cached shard's blob for each bucket. */
async function readShardPostings(file: string): Promise<(bucket: number) => Uint8Array> {
  const bytes = await readFile(file);
  const table = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (BUCKETS + 1) * 4));
  if (table[BUCKETS] !== bytes.length) throw new Error(`${file}: the postings file is cut short or damaged`);
  return (bucket) => bytes.subarray(table[bucket]!, table[bucket + 1]!);
}

/** Writes a segment of the site's index from its shards' cached postings, in shard order. */
export async function writeSegment(outDir: string, segment: string, shardFiles: readonly string[]): Promise<void> {
  const shards = await Promise.all(shardFiles.map(readShardPostings));
  const dir = path.join(outDir, path.dirname(postingsPath(segment, 0)));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (let bucket = 0; bucket < BUCKETS; bucket++) {
    const content = Buffer.concat(shards.map((blobs) => blobs(bucket)));
    await writeFile(path.join(outDir, postingsPath(segment, bucket)), gzipSync(content, { level: 9 }));
  }
}
