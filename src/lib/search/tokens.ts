/**
 * The words the search index is made of, and where they sit.
 *
 * The index (postings.ts) records where whole words occur. Chinese has no spaces, so the
 * archive writes words of its own:
 *
 * - every overlapping pair of characters (bigram) of each field, in order: a string of two
 *   or more characters occurs in a field exactly when its bigrams sit at consecutive
 *   positions there (engine.ts probes some of them);
 * - every distinct character of the article once ("u" words), for one-character queries;
 * - jieba's words of three or more characters, distinct ("w" words), for the word-by-word
 *   fallback.
 *
 * Each character is written in lowercase letters only — four for a character of the Basic
 * Multilingual Plane (starting a–d), five for one beyond it (starting e–g) — so every word
 * is plain ASCII, a byte a letter in the index files. The codes are prefix-free, so no
 * bigram's word begins another word; the letters u–z are free to mark the other kinds.
 *
 * Many articles share one record (see records.ts). Each article owns a slot of SLOT_WIDTH
 * positions in its record; its headline decks fill the first HEADLINE_REGION positions of
 * the slot and its body the rest, so a position alone tells the article and whether a hit
 * is in the headline. A filler (".") takes a position and is not indexed: two keep fields
 * apart, so no phrase runs from one field into the next, and more pad the slot. An article
 * too long for a slot gets a record of its own (the search index lists those).
 */
import { normalizeForSearch } from './normalize';
import { memoizePerChar } from './memo';

/** Positions each article owns in its record. */
export const SLOT_WIDTH = 4096;
/** The first positions of a slot, which hold the headline decks. */
export const HEADLINE_REGION = 256;
/** Takes a position and is not indexed. */
export const FILLER = '.';
export const CHAR_MARK = 'u';
export const WORD_MARK = 'w';
/** Ends a "w" word, so that searching it finds that word and no longer one beginning with it. */
export const WORD_END = 'z';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const FOUR_LETTERS = 26 ** 4;

function letters(value: number, width: number): string {
  let text = '';
  for (let rest = value, index = 0; index < width; index++, rest = Math.floor(rest / 26)) {
    text = LETTERS[rest % 26]! + text;
  }
  return text;
}

/** A character's code: 4 letters (a–d…) in the BMP, else 5 letters (e–g…); no code begins another. */
export const encodeChar = memoizePerChar((char) => {
  const point = char.codePointAt(0)!;
  const astral = point - 0x10000;
  return astral < 0
    ? letters(point, 4)
    : LETTERS[4 + Math.floor(astral / FOUR_LETTERS)]! + letters(astral % FOUR_LETTERS, 4);
});

export function encodeChars(chars: string): string {
  let code = '';
  for (const char of chars) code += encodeChar(char);
  return code;
}

/** The bigram words of a normalised string, in order (a single character has none). */
export function bigramWords(normalized: string): string[] {
  const chars = [...normalized];
  const words: string[] = [];
  for (let index = 0; index + 1 < chars.length; index++) {
    words.push(encodeChar(chars[index]!) + encodeChar(chars[index + 1]!));
  }
  return words;
}

export function charWord(char: string): string {
  return CHAR_MARK + encodeChar(char);
}

export function jiebaWord(normalized: string): string {
  return WORD_MARK + encodeChars(normalized) + WORD_END;
}

export interface SlotText {
  /** Headline decks in print order: 引题, 主题, 副题. */
  decks: string[];
  /** Body paragraphs: text, subheads, captions. */
  paragraphs: string[];
  /** jieba's words of the text (only those of three or more characters are used). */
  words: string[];
}

/**
 * Appends a field's bigrams and two fillers: a bigram of the next field is then at least
 * three positions on, further than a term's probes are apart (engine.ts).
 */
function pushField(words: string[], normalized: string): void {
  const bigrams = bigramWords(normalized);
  if (bigrams.length === 0) return;
  words.push(...bigrams, FILLER, FILLER);
}

function distinctChars(fields: readonly string[]): string[] {
  return [...new Set(fields.join(''))].sort();
}

/**
 * An article's words laid out for its slot: headline region, then body. Returns the words
 * without the padding that fills the slot; `fits` is false when they need more than a slot
 * (the article then gets a record of its own).
 */
export function slotWords(text: SlotText): { words: string[]; fits: boolean } {
  const decks = text.decks.map(normalizeForSearch).filter(Boolean);
  const paragraphs = text.paragraphs.map(normalizeForSearch).filter(Boolean);

  const headline: string[] = [];
  for (const deck of decks) pushField(headline, deck);
  headline.push(...distinctChars(decks).map(charWord), FILLER);

  const body: string[] = [];
  for (const paragraph of paragraphs) pushField(body, paragraph);
  body.push(...distinctChars(paragraphs).map(charWord), FILLER);
  const jieba = new Set(text.words.map(normalizeForSearch).filter((word) => [...word].length >= 3));
  body.push(...[...jieba].sort().map(jiebaWord));

  // Headline words that do not fit the headline region go to the body: still found, not ranked as headline hits.
  const inHeadline = headline.slice(0, HEADLINE_REGION);
  const overflow = headline.slice(HEADLINE_REGION);
  const padding = Array.from({ length: HEADLINE_REGION - inHeadline.length }, () => FILLER);
  const words = [...inHeadline, ...padding, ...overflow, ...(overflow.length > 0 ? [FILLER] : []), ...body];
  return { words, fits: words.length <= SLOT_WIDTH };
}
