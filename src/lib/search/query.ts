/**
 * What a reader typed, made into what the index can answer.
 *
 * Whitespace separates terms, and every term must occur (AND); a quoted stretch is one
 * term even with spaces in it. Each term is normalised like the text (normalize.ts), so
 * punctuation, width and case never decide a match. A term in traditional characters is
 * also tried in simplified ones: every variant is searched and their results united.
 */
import { normalizeForSearch } from './normalize';
import { headlineDigest, printedDigest } from './headlines';
import { bigramWords, charWord } from './tokens';

/**
 * A stretch of a term in which no character repeats, or a doubled character (one bigram):
 * one search for its words finds exactly where it occurs (see engine.ts).
 */
export interface PhraseSegment {
  /** Where it begins in the term, in characters (and so in positions). */
  offset: number;
  /** Its index words in order, all different: bigrams, or a one-character term's character word. */
  sequence: string[];
}

export interface TermVariant {
  /** The normalised characters searched for. */
  text: string;
  /** The index words that must sit at consecutive positions: its bigrams in order, or its one character's word. */
  sequence: string[];
  /** The sequence cut where a character repeats; consecutive segments share one character. */
  segments: PhraseSegment[];
}

export interface QueryTerm {
  /** The term as typed. */
  typed: string;
  /** The normalised term (what a match must contain). */
  text: string;
  /** The term and, for traditional characters, its simplified readings. */
  variants: TermVariant[];
}

export interface AnalysedQuery {
  typed: string;
  terms: QueryTerm[];
  /** Digests of the whole query as typed and as read, to find an article whose headline it is (headlines.ts). */
  headlineDigests: string[];
  /** Digest of the query as typed, to tell apart headlines that only punctuation separates (headlines.ts). */
  printedDigest: string;
  /** Whether a character was read as simplified. */
  converted: boolean;
}

const OPENING_QUOTES = '"“「『‘\'';
const CLOSING_QUOTES = '"”」』’\'';

/**
 * Splits on whitespace. A stretch in quotation marks that stands on its own ("两业 融合")
 * is one term, spaces and all; quotation marks inside a term (“两业”融合) are just
 * punctuation, which normalisation drops.
 */
export function splitTerms(query: string): string[] {
  const terms: string[] = [];
  let index = 0;
  while (index < query.length) {
    while (index < query.length && /\s/u.test(query[index]!)) index++;
    if (index >= query.length) break;
    if (OPENING_QUOTES.includes(query[index]!)) {
      let close = index + 1;
      while (close < query.length && !CLOSING_QUOTES.includes(query[close]!)) close++;
      if (close < query.length && (close + 1 === query.length || /\s/u.test(query[close + 1]!))) {
        const phrase = query.slice(index + 1, close).trim();
        if (phrase) terms.push(phrase);
        index = close + 1;
        continue;
      }
    }
    let end = index;
    while (end < query.length && !/\s/u.test(query[end]!)) end++;
    terms.push(query.slice(index, end));
    index = end;
  }
  return terms;
}

/** Traditional → simplified candidates for single characters (built from OpenCC's tables). */
export type CharConversions = Readonly<Record<string, readonly string[]>>;

/** Options for reading characters: the conversion table and whether a character occurs in the archive at all. */
export interface ConversionContext {
  conversions: CharConversions;
  inArchive: (char: string) => boolean;
}

/** No term yields more readings than this; past it, only the fully simplified reading and the original are tried. */
const MAX_VARIANTS = 16;

/**
 * The readings of a term. A character with simplified forms is read as each of them, and
 * as itself only if the archive has it at all (simplified text rarely does), so a
 * traditional query usually has one reading: the simplified one.
 */
function variantTexts(text: string, context: ConversionContext | undefined): string[] {
  if (!context) return [text];
  const options = [...text].map((char) => {
    const simplified = context.conversions[char];
    if (!simplified) return [char];
    return [...new Set([...simplified, ...(context.inArchive(char) ? [char] : [])])];
  });
  const combinations = options.reduce((count, choices) => count * choices.length, 1);
  if (combinations > MAX_VARIANTS) {
    return [...new Set([options.map((choices) => choices[0]).join(''), text])];
  }
  let readings = [''];
  for (const choices of options) readings = readings.flatMap((reading) => choices.map((choice) => reading + choice));
  return readings;
}

/**
 * Cuts a term of two or more characters into segments without a repeated character, each
 * as long as it can be and beginning on the last character of the one before; a doubled
 * character (落落) is a segment of its own. 市政协八届联谊会第五次会议 is two: up to 次, and
 * from 次.
 */
export function phraseSegments(chars: readonly string[], bigrams: readonly string[]): PhraseSegment[] {
  const segments: PhraseSegment[] = [];
  for (let start = 0; start + 1 < chars.length;) {
    let end = start + 1;
    if (chars[end] !== chars[start]) {
      const seen = new Set([chars[start], chars[end]]);
      while (end + 1 < chars.length && !seen.has(chars[end + 1])) seen.add(chars[++end]);
    }
    segments.push({ offset: start, sequence: bigrams.slice(start, end) });
    start = end;
  }
  return segments;
}

export function termVariant(text: string): TermVariant {
  const chars = [...text];
  const sequence = chars.length === 1 ? [charWord(text)] : bigramWords(text);
  const segments = chars.length === 1 ? [{ offset: 0, sequence }] : phraseSegments(chars, sequence);
  return { text, sequence, segments };
}

export function analyseQuery(typed: string, context?: ConversionContext): AnalysedQuery {
  const terms: QueryTerm[] = [];
  let converted = false;
  for (const part of splitTerms(typed)) {
    const text = normalizeForSearch(part);
    if (!text) continue;
    const texts = variantTexts(text, context);
    if (texts.some((reading) => reading !== text)) converted = true;
    terms.push({ typed: part, text, variants: texts.map(termVariant) });
  }
  const wholes = new Set([
    terms.map((term) => term.text).join(''),
    terms.map((term) => term.variants[0]?.text ?? term.text).join(''),
  ]);
  return {
    typed,
    terms,
    converted,
    headlineDigests: [...wholes].filter(Boolean).map(headlineDigest),
    printedDigest: printedDigest(typed),
  };
}
