/**
 * The words the search index is made of, and where they sit.
 *
 * The index (postings.ts) records where whole words occur. Chinese has no spaces, so the
 * archive writes words of its own:
 *
 * - every overlapping pair of characters (bigram) of each field, in order: a string of two
 *   or more characters occurs in a field exactly when its bigrams sit at consecutive
 *   positions there (engine.ts probes some of them);
 * - after each of the commonest bigrams (trigrams.ts), the three characters it begins, at
 *   the bigram's own position: a rarer word to probe a term by;
 * - every distinct character of the article once ("u" words), for one-character queries;
 * - jieba's words of three or more characters, distinct ("w" words), for the word-by-word
 *   fallback;
 * - each headline deck as a whole, by its digest ("x" and "y" words, headlines.ts), to
 *   tell the articles whose headline a query is.
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
 *
 * A word written once per article ("u", "w", "x" and "y") is kept at a position of its own
 * numbering (oncePosition): only its article and whether the headline holds it count.
 */
import { normalizeForSearch } from './normalize';
import { memoizePerChar } from './memo';
import { isExtendedBigram } from './trigrams';

/** Positions each article owns in its record. */
export const SLOT_WIDTH = 4096;
/** The first positions of a slot, which hold the headline decks. */
export const HEADLINE_REGION = 256;
/** Takes a position and is not indexed. */
export const FILLER = '.';
export const CHAR_MARK = 'u';
export const WORD_MARK = 'w';
/** A headline deck, by its normalised text's digest; and by its printed text's (headlines.ts). */
export const DECK_MARK = 'x';
export const PRINTED_DECK_MARK = 'y';
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

export function charWord(char: string): string {
  return CHAR_MARK + encodeChar(char);
}

export function jiebaWord(normalized: string): string {
  return WORD_MARK + encodeChars(normalized) + WORD_END;
}

/**
 * The index words the bigram of `chars` at `offset` is written as (slotTokenParts): the
 * bigram, then, for a common bigram that a character follows, its trigram (trigrams.ts).
 */
export function bigramWordsAt(chars: readonly string[], offset: number): string[] {
  const [first, second, third] = [chars[offset]!, chars[offset + 1]!, chars[offset + 2]];
  const bigram = encodeChars(first + second);
  return third !== undefined && isExtendedBigram(first, second)
    ? [bigram, encodeChars(first + second + third)]
    : [bigram];
}

/** Whether an index word is a headline deck's ("x" or "y" words, headlines.ts). */
export function isDeckWord(word: string): boolean {
  return word[0] === DECK_MARK || word[0] === PRINTED_DECK_MARK;
}

/** Whether the index word is one written once per article, or per headline and body ("u", "w", "x" and "y" words). */
export function isOnceWord(word: string): boolean {
  return word[0] === CHAR_MARK || word[0] === WORD_MARK || isDeckWord(word);
}

/**
 * Where the index keeps a word written once per article, for its slot and its offset there:
 * 2 × slot, plus 1 beyond the headline region. Kept at their offsets, a record's
 * occurrences of such a word were a slot apart, two or three bytes each; so they take one
 * (the index's "u" words weighed 42 MB at 50,000 articles, and now about 21).
 */
export function oncePosition(slot: number, offset: number): number {
  return slot * 2 + (offset < HEADLINE_REGION ? 0 : 1);
}

/** The position in its record that oncePosition stands for: the start of its slot's headline or body. */
export function onceSlotPosition(position: number, layout: { slotWidth: number; headlineRegion: number }): number {
  return Math.floor(position / 2) * layout.slotWidth + (position % 2 === 1 ? layout.headlineRegion : 0);
}

export interface SlotText {
  /** Headline decks in print order: 引题, 主题, 副题. */
  decks: string[];
  /** Body paragraphs: text, subheads, captions. */
  paragraphs: string[];
  /** jieba's words of the text (only those of three or more characters are used). */
  words: string[];
}

/** What a token of a slot is written as: a bigram, a common bigram's trigram, one character ("u"), or one of jieba's words ("w"). */
export type TokenKind = 'bigram' | 'trigram' | 'char' | 'jieba';

/** The index word of a token: its characters as the index writes them. */
export function tokenWord(kind: TokenKind, text: string): string {
  return kind === 'char' ? charWord(text) : kind === 'jieba' ? jiebaWord(text) : encodeChars(text);
}

/**
 * An article's fields, normalised and measured for its slot: enough to know whether it
 * fits before any word is written (slotTokens writes them).
 */
export interface SlotLayout {
  /** Each normalised field as its characters: the headline decks, then the body paragraphs. */
  decks: string[][];
  paragraphs: string[][];
  /** The decks as printed, which the index also writes whole (headlines.ts). */
  printedDecks: readonly string[];
  /** The distinct characters of the decks, and of the paragraphs, in code unit order. */
  headlineChars: string[];
  bodyChars: string[];
  /** jieba's distinct words of three or more characters, sorted. */
  jieba: string[];
  /** Where the body begins: after the headline region, or after headline words that overflow it and a filler. */
  bodyStart: number;
  /** Positions the slot's words take, the padding of the headline region included. */
  length: number;
  /** false when the words need more than a slot (the article then gets a record of its own). */
  fits: boolean;
}

/** In code unit order, as Array.prototype.sort's default, which is several times slower. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which characters of the Basic Multilingual Plane distinctChars has seen: stamped with its call's number, so never cleared. */
const seenStamp = new Uint32Array(0x10000);
let stamp = 0;

/** The distinct characters of the fields, in code unit order (an article has hundreds: sorted as numbers). */
function distinctChars(fields: ReadonlyArray<readonly string[]>): string[] {
  stamp = (stamp + 1) >>> 0 || (seenStamp.fill(0), 1);
  const units: number[] = [];
  const astral = new Set<string>();
  for (const field of fields)
    for (const char of field) {
      if (char.length > 1) astral.add(char);
      else if (seenStamp[char.charCodeAt(0)] !== stamp) {
        seenStamp[char.charCodeAt(0)] = stamp;
        units.push(char.charCodeAt(0));
      }
    }
  const bmp = Array.from(new Uint16Array(units).sort(), (unit) => String.fromCharCode(unit));
  if (astral.size === 0) return bmp;
  // Surrogate pairs sort between the characters below U+D800 and those from U+E000.
  const split = bmp.findIndex((char) => char >= '\ue000');
  const at = split < 0 ? bmp.length : split;
  return [...bmp.slice(0, at), ...[...astral].sort(byCodeUnits), ...bmp.slice(at)];
}

/** Positions a field's bigrams take, with the two fillers after them that keep fields apart. */
function fieldLength(chars: readonly string[]): number {
  return chars.length < 2 ? 0 : chars.length - 1 + 2;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Lays out an article's slot: the headline region holds each deck's bigrams (two fillers
 * after each field, so that a bigram of the next field is at least three positions on,
 * further than a term's probes are apart: engine.ts), the decks' characters and a filler;
 * the body, each paragraph's bigrams, its characters, a filler, then jieba's words.
 * Headline words that do not fit the headline region go to the body's side: still found,
 * not ranked as headline hits.
 */
export function layOutSlot(text: SlotText): SlotLayout {
  const decks = text.decks
    .map(normalizeForSearch)
    .filter(Boolean)
    .map((deck) => [...deck]);
  const paragraphs = text.paragraphs
    .map(normalizeForSearch)
    .filter(Boolean)
    .map((paragraph) => [...paragraph]);
  const headlineChars = distinctChars(decks);
  const bodyChars = distinctChars(paragraphs);
  const jieba = [...new Set(text.words.map(normalizeForSearch).filter((word) => [...word].length >= 3))].sort(
    byCodeUnits,
  );
  const headlineLength = sum(decks.map(fieldLength)) + headlineChars.length + 1;
  const bodyStart = headlineLength > HEADLINE_REGION ? headlineLength + 1 : HEADLINE_REGION;
  const length = bodyStart + sum(paragraphs.map(fieldLength)) + bodyChars.length + 1 + jieba.length;
  return {
    decks,
    paragraphs,
    printedDecks: text.decks,
    headlineChars,
    bodyChars,
    jieba,
    bodyStart,
    length,
    fits: length <= SLOT_WIDTH,
  };
}

/**
 * Calls `bigram` for each bigram of a laid-out slot with its two characters, and `other` for
 * each other token, in order, with its offset in the slot (fillers are skipped; a trigram
 * comes after the bigram at its offset). The characters come apart so that a caller
 * counting millions of bigrams need not join them.
 */
export function slotTokenParts(
  layout: SlotLayout,
  bigram: (first: string, second: string, offset: number) => void,
  other: (kind: Exclude<TokenKind, 'bigram'>, text: string, offset: number) => void,
): void {
  const region = (fields: ReadonlyArray<readonly string[]>, chars: readonly string[], start: number) => {
    let offset = start;
    for (const field of fields) {
      if (field.length < 2) continue;
      for (let index = 0; index + 1 < field.length; index++, offset++) {
        const first = field[index]!;
        const second = field[index + 1]!;
        bigram(first, second, offset);
        if (index + 2 < field.length && isExtendedBigram(first, second))
          other('trigram', first + second + field[index + 2]!, offset);
      }
      offset += 2;
    }
    for (const char of chars) other('char', char, offset++);
    return offset + 1;
  };
  region(layout.decks, layout.headlineChars, 0);
  const offset = region(layout.paragraphs, layout.bodyChars, layout.bodyStart);
  layout.jieba.forEach((word, index) => other('jieba', word, offset + index));
}

/** Calls `visit` for each token of a laid-out slot, in order, with its offset in the slot (fillers are skipped). */
export function slotTokens(layout: SlotLayout, visit: (kind: TokenKind, text: string, offset: number) => void): void {
  slotTokenParts(layout, (first, second, offset) => visit('bigram', first + second, offset), visit);
}

/**
 * An article's index words in slot order, its decks' whole words aside (headlines.ts): each position's words (a bigram and its trigram
 * share one), a filler where a position holds none (the slot's own padding left off).
 */
export function slotWords(text: SlotText): { words: string[][]; fits: boolean } {
  const layout = layOutSlot(text);
  const words = Array.from({ length: layout.length }, (): string[] => []);
  slotTokens(layout, (kind, token, offset) => words[offset]!.push(tokenWord(kind, token)));
  return { words: words.map((held) => (held.length > 0 ? held : [FILLER])), fits: layout.fits };
}

/**
 * Which of the given slot offsets a term (normalised, of two characters or more) begins at
 * in an article's fields: those where each of its bigrams sits, one after the other, as
 * the index would say with every bigram probed (the article's jieba words, which come last,
 * move none of them).
 */
export function termStartsInSlot(
  fields: Pick<SlotText, 'decks' | 'paragraphs'>,
  term: string,
  offsets: readonly number[],
): number[] {
  const bigramAt: string[] = [];
  slotTokens(layOutSlot({ ...fields, words: [] }), (kind, text, offset) => {
    if (kind === 'bigram') bigramAt[offset] = text;
  });
  const chars = [...term];
  const wanted = chars.slice(1).map((char, index) => chars[index]! + char);
  return offsets.filter((start) => wanted.every((bigram, index) => bigramAt[start + index] === bigram));
}
