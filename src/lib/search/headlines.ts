/**
 * Finding the articles whose headline a query is, without touching the word index: each
 * headline deck's digest, filed in small buckets (search/headlines/<bucket>.json, a map of
 * digest → entries) by the digest's last hex digits. A query fetches the one bucket of
 * its own digest, a few hundred bytes, where a word in the index would cost a chunk of every
 * shard.
 */
import { contentDigest } from '../digest';
import { normalizeForSearch } from './normalize';

/** Entries a bucket holds on average, at most: the bucket width grows with the archive. */
const ENTRIES_PER_BUCKET = 32;

/** The digest of a normalised headline deck (or query). */
export function headlineDigest(normalized: string): string {
  return contentDigest(normalized);
}

/**
 * The digest of a deck or query as printed, width and spacing aside. Two decks that only
 * punctuation tells apart (以“赛事+” and 以“赛事) share a normalised digest; this one puts
 * the deck the reader typed character for character first.
 */
export function printedDigest(text: string): string {
  return contentDigest(text.normalize('NFKC').replace(/\s+/gu, ' ').trim());
}

/** An article under a headline digest: its key (`<record>-<slot>`) and the printed digest of its deck. */
export type HeadlineEntry = [key: string, printed: string];

/** The bucket entries of an article's decks: one per distinct normalised deck, under its digest. */
export function headlineEntries(key: string, decks: readonly string[]): Array<[digest: string, entry: HeadlineEntry]> {
  const printedByNormalized = new Map<string, string>();
  for (const deck of decks) {
    const normalized = normalizeForSearch(deck);
    if (normalized && !printedByNormalized.has(normalized)) printedByNormalized.set(normalized, deck);
  }
  return [...printedByNormalized].map(([normalized, deck]) => [headlineDigest(normalized), [key, printedDigest(deck)]]);
}

/** How many of a digest's last hex digits name its bucket, for an archive of this many decks. */
export function bucketWidth(entries: number): number {
  let width = 1;
  while (width < 6 && entries / 16 ** width > ENTRIES_PER_BUCKET) width++;
  return width;
}

/** The folder of the buckets, relative to the site's root. */
export const HEADLINES_DIR = 'search/headlines';

/** The bucket file of a digest, relative to the site's root. */
export function headlineBucketPath(digest: string, width: number): string {
  return `${HEADLINES_DIR}/${digest.slice(-width)}.json`;
}
