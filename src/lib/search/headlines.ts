/**
 * Finding the articles whose headline a query is, in the word index itself. Each of an
 * article's headline decks is written as an index word of its own, once per article: an
 * "x" word by the digest of the deck normalised, marked where the deck is printed just so
 * (no punctuation, spacing or case that normalising drops); and, for a deck printed
 * otherwise, a "y" word by the digest of the deck as printed. Such a word names its
 * bucket (buckets.ts, bucketOf): that of its anchor, the word a query that is the deck
 * probes first (query.ts, cheapestCover) — the deck's bigram at 0, or that bigram's
 * trigram where the index writes one, or its one character. So the file the query fetches
 * for its first probe also says whose headline it is: no file more. The generated corpus
 * prints a deck in up to 3,000 articles, so the words are kept short: a bucket in four
 * characters and eight hex digits of the digest (two decks of one bucket that shared
 * them would only rank each other's articles as that headline).
 */
import { contentDigest } from '../digest';
import { normalizeForSearch } from './normalize';
import { bucketName, bucketOf } from './buckets';
import { bigramWordsAt, charWord, DECK_MARK, PRINTED_DECK_MARK } from './tokens';

/** Hex digits of a digest that a deck's word keeps. */
const WORD_DIGEST_DIGITS = 8;

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
  return contentDigest(printedForm(text));
}

/** A deck or query as printed, width and spacing aside. */
function printedForm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/**
 * Whether a deck or query is printed as its normalised form: then its deck word tells it
 * (marked), and a word of its printed digest would only repeat that one.
 */
export function printedPlain(text: string, normalized: string): boolean {
  return printedForm(text) === normalized;
}

/**
 * The words a query that is this normalised deck may probe first: its one character, or its
 * first bigram and, when the index writes that bigram's trigram, the trigram (which of the
 * two the query takes depends on what each costs to fetch).
 */
export function deckAnchors(normalized: string): string[] {
  const chars = [...normalized];
  if (chars.length === 0) return [];
  return chars.length === 1 ? [charWord(chars[0]!)] : bigramWordsAt(chars, 0);
}

/** The index word of a deck of this normalised digest, in the bucket of `anchor`. */
export function deckWord(digest: string, anchor: string): string {
  return DECK_MARK + bucketName(bucketOf(anchor)) + digest.slice(-WORD_DIGEST_DIGITS);
}

/** The index word of a deck of this printed digest, in the bucket of `anchor`. */
export function printedDeckWord(digest: string, anchor: string): string {
  return PRINTED_DECK_MARK + bucketName(bucketOf(anchor)) + digest.slice(-WORD_DIGEST_DIGITS);
}

/** A deck word written where the deck is printed as its normalised form (oncePosition's headline side, plus this). */
export const PRINTED_PLAIN_MARK = 1;

/**
 * The index words of an article's decks as printed, under each of their anchors, each with
 * its marks (PRINTED_PLAIN_MARK or 0, ascending): a deck word for each distinct deck
 * normalised, and a printed word for each distinct printing that is not plain.
 */
export function headlineWords(decks: readonly string[]): Array<[word: string, marks: number[]]> {
  const marks = new Map<string, Set<number>>();
  const add = (word: string, mark: number) => marks.set(word, (marks.get(word) ?? new Set()).add(mark));
  for (const deck of decks) {
    const normalized = normalizeForSearch(deck);
    const plain = printedPlain(deck, normalized);
    for (const anchor of deckAnchors(normalized)) {
      add(deckWord(headlineDigest(normalized), anchor), plain ? PRINTED_PLAIN_MARK : 0);
      if (!plain) add(printedDeckWord(printedDigest(deck), anchor), 0);
    }
  }
  return [...marks].map(([word, held]) => [word, [...held].sort((a, b) => a - b)]);
}
