/**
 * The words the search index is built from. Pagefind matches whole words, and phrases
 * as words at consecutive positions; Chinese has no spaces, so the archive gives it words
 * of its own design:
 *
 * - every overlapping pair of characters (bigram) of each field, in order, so that any
 *   string of two or more characters is an exact phrase of bigrams at consecutive positions;
 * - every distinct character once, for one-character queries;
 * - jieba's words of three or more characters, which rank pages by whole words;
 * - the bigrams and characters of the headline decks again, marked as headline words, so
 *   that headline hits can be ranked first;
 * - a fingerprint of the whole headline, so that a search for it finds its article first.
 *
 * Each character is written as four base-36 digits, so the index holds only ASCII words:
 * nothing in Pagefind (its stemmers, its CJK segmenter at index or query time, the page's
 * language) can split or alter them. Codes never start with x, y or z (they stay below
 * U+10FFFF), so those letters mark the headline words and fingerprints.
 */
import { contentDigest } from '../archive-index';
import { normalizeForSearch } from './normalize';

const CODE_WIDTH = 4;
export const HEADLINE_MARK = 'x';
export const FINGERPRINT_MARK = 'y';

export function encodeChar(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(CODE_WIDTH, '0');
}

export function encodeChars(chars: string): string {
  let code = '';
  for (const char of chars) code += encodeChar(char);
  return code;
}

/** The bigram words of a normalised field, in order (one character gives none). */
export function bigrams(normalized: string): string[] {
  const chars = [...normalized];
  const words: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++)
    words.push(encodeChar(chars[index]!) + encodeChar(chars[index + 1]!));
  return words;
}

/** A headline's fingerprint word: searching the whole headline finds exactly the articles it heads. */
export function fingerprint(normalized: string): string {
  return FINGERPRINT_MARK + contentDigest(normalized);
}

export interface SearchableText {
  /** Headline decks in print order: 引题, 主题, 副题. */
  decks: string[];
  /** Body paragraphs: text, subheads, captions. */
  paragraphs: string[];
  /** jieba's words of the text (any length; only words of three or more characters are used). */
  words: string[];
}

/** The fingerprints of the ways a reader might type an article's headline: 主题, or with 引题 and 副题. */
export function headlineFingerprints(
  kicker: string | undefined,
  headline: string,
  subheadline: string | undefined,
): string[] {
  const forms = new Set(
    [
      headline,
      `${kicker ?? ''}${headline}`,
      `${headline}${subheadline ?? ''}`,
      `${kicker ?? ''}${headline}${subheadline ?? ''}`,
    ]
      .map(normalizeForSearch)
      .filter(Boolean),
  );
  return [...forms].map(fingerprint);
}

/** The index words of an article, as the single space-separated string Pagefind indexes. */
export function indexWords(text: SearchableText, fingerprints: string[]): string {
  const fields = [...text.decks, ...text.paragraphs].map(normalizeForSearch).filter(Boolean);
  const decks = text.decks.map(normalizeForSearch).filter(Boolean);
  const words: string[] = [];
  for (const field of fields) words.push(...bigrams(field));
  words.push(...[...new Set(fields.join(''))].sort().map(encodeChar));
  for (const word of text.words) {
    const normalized = normalizeForSearch(word);
    if ([...normalized].length >= 3) words.push(encodeChars(normalized));
  }
  for (const deck of decks) words.push(...bigrams(deck).map((word) => HEADLINE_MARK + word));
  words.push(...[...new Set(decks.join(''))].sort().map((char) => HEADLINE_MARK + encodeChar(char)));
  words.push(...fingerprints);
  return words.join(' ');
}
