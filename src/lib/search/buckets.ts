/**
 * Which bucket of the word index a word is in (postings.ts). On its own, without the
 * index's reader and its inflate, since the article page analyses queries too (query.ts
 * names a whole query's headline words by their bucket: headlines.ts).
 */
import { isDeckWord } from './tokens';

/** Enough that a segment of some 80,000 articles has files of about SEGMENT_FILE_BYTES, so a rare word's file is small. */
export const SHARD_BUCKETS = 65536;

/** The digits that name a bucket in a headline deck's word (headlines.ts). */
const BUCKET_NAME_DIGITS = 4;

/** A bucket as a headline deck's word names it: four base-36 digits. */
export function bucketName(bucket: number): string {
  return bucket.toString(36).padStart(BUCKET_NAME_DIGITS, '0');
}

/** FNV-1a of the word's (ASCII) code units, folded to a bucket; a headline deck's word names its own (headlines.ts). */
export function bucketOf(word: string): number {
  if (isDeckWord(word)) return parseInt(word.slice(1, 1 + BUCKET_NAME_DIGITS), 36);
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) {
    hash ^= word.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARD_BUCKETS;
}
