/**
 * What a reader typed, made into what the index can answer.
 *
 * Whitespace separates terms, and every term must occur (AND); a quoted stretch is one
 * term even with spaces in it. Each term is normalised like the text (normalize.ts), so
 * punctuation, width and case never decide a match. A term in traditional characters is
 * also tried in simplified ones: every variant is searched and their results united.
 */
import { normalizeForSearch } from './normalize';
import { deckAnchors, deckWord, headlineDigest, printedDeckWord, printedDigest, printedPlain } from './headlines';
import { bigramWordsAt, charWord } from './tokens';

/** An index word that must sit at a given offset from where the term begins. */
export interface Probe {
  offset: number;
  word: string;
}

export interface TermVariant {
  /** The normalised characters searched for. */
  text: string;
  /**
   * What pins the term down (engine.ts): its one character's word, or some of its bigrams
   * and trigrams, from the first to the last, so that each character is in one and none
   * begins more than two positions after the one before ends (cheapestCover).
   */
  probes: Probe[];
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
  /** The index words of a headline deck that is the whole query, as typed and as read (headlines.ts). */
  headlineWords: string[];
  /**
   * How a deck printed as the query was typed is told, to put it before one that only
   * punctuation sets apart: by its printed word, or, for a query typed as its normalised
   * form (`plain`), by the marks of its deck word.
   */
  printedHeadline: { word: string; plain: boolean } | undefined;
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
 * What fetching an index word costs, in bytes as far as the page can tell (postings.ts):
 * a long term has a choice of bigrams to probe, and a common one's positions weigh a lot.
 */
export type WordCost = (word: string) => number;

/** A word a term can be probed by: it sits where the term's bigram `offset` does, and pins its bigrams up to `last`. */
export interface ProbeChoice extends Probe {
  last: number;
}

/** What a term of two or more characters can be probed by: each of its bigrams, and each listed bigram's trigram (trigrams.ts). */
export function probeChoices(chars: readonly string[]): ProbeChoice[] {
  const choices: ProbeChoice[] = [];
  for (let offset = 0; offset + 1 < chars.length; offset++) {
    // A trigram pins one character more than its bigram.
    bigramWordsAt(chars, offset).forEach((word, more) => choices.push({ offset, last: offset + more, word }));
  }
  return choices;
}

/**
 * Of the choices (by ascending offset), those to probe a term by: the first at offset 0,
 * one ending at `last` (the term's last bigram), and each beginning at most two after the
 * one before ends, so that every character is in one (engine.ts). Of all such sets, the
 * one that costs least in all, then the one of fewest words; of bigrams alike in cost, every
 * other one from the first, and the last.
 */
export function cheapestCover(
  choices: readonly ProbeChoice[],
  last: number,
  cost: (choice: ProbeChoice) => number = () => 1,
): ProbeChoice[] {
  // cheapest[i]: the least a set ending with choice i costs, and in how few words; from[i]: the choice before it.
  const cheapest: Array<{ total: number; words: number }> = [];
  const from: number[] = [];
  const better = (a: { total: number; words: number }, b: { total: number; words: number }) =>
    a.total < b.total || (a.total === b.total && a.words < b.words);
  choices.forEach((choice, index) => {
    let best = choice.offset === 0 ? { total: 0, words: 0 } : undefined;
    let before = -1;
    // Latest first: with equal costs, the nearest choice before is kept.
    for (let earlier = index - 1; earlier >= 0 && choices[earlier]!.offset >= choice.offset - 3; earlier--) {
      const previous = choices[earlier]!;
      if (previous.offset >= choice.offset || previous.last < choice.offset - 2 || previous.last >= choice.last)
        continue;
      const reached = cheapest[earlier]!;
      if (Number.isFinite(reached.total) && (!best || better(reached, best))) [best, before] = [reached, earlier];
    }
    cheapest.push(best ? { total: best.total + cost(choice), words: best.words + 1 } : { total: Infinity, words: 0 });
    from.push(before);
  });
  let end = -1;
  choices.forEach((choice, index) => {
    if (choice.last === last && (end < 0 || better(cheapest[index]!, cheapest[end]!))) end = index;
  });
  const picked: ProbeChoice[] = [];
  for (let index = end; index >= 0; index = from[index]!) picked.unshift(choices[index]!);
  return picked;
}

export function termVariant(text: string, cost?: WordCost): TermVariant {
  const chars = [...text];
  if (chars.length === 1) return { text, probes: [{ offset: 0, word: charWord(text) }] };
  const picked = cheapestCover(probeChoices(chars), chars.length - 2, cost && ((choice) => cost(choice.word)));
  return { text, probes: picked.map(({ offset, word }) => ({ offset, word })) };
}

/** The query's terms and what to probe them by; `cost`, when given, steers the probes round common bigrams. */
export function analyseQuery(typed: string, context?: ConversionContext, cost?: WordCost): AnalysedQuery {
  const terms: QueryTerm[] = [];
  let converted = false;
  for (const part of splitTerms(typed)) {
    const text = normalizeForSearch(part);
    if (!text) continue;
    const texts = variantTexts(text, context);
    if (texts.some((reading) => reading !== text)) converted = true;
    terms.push({ typed: part, text, variants: texts.map((reading) => termVariant(reading, cost)) });
  }
  const typedWhole = terms.map((term) => term.text).join('');
  const wholes = [...new Set([typedWhole, terms.map((term) => term.variants[0]?.text ?? term.text).join('')])];
  const anchorOf = headlineAnchor(terms[0]);
  return {
    typed,
    terms,
    converted,
    headlineWords: wholes.flatMap((whole) => {
      const anchor = anchorOf(whole);
      return anchor === undefined ? [] : [deckWord(headlineDigest(whole), anchor)];
    }),
    printedHeadline: printedHeadline(typed, typedWhole, anchorOf(typedWhole)),
  };
}

/** How a deck printed as the query was typed is told (AnalysedQuery), its words filed with `anchor`. */
function printedHeadline(typed: string, whole: string, anchor: string | undefined): AnalysedQuery['printedHeadline'] {
  if (anchor === undefined) return undefined;
  const plain = printedPlain(typed, whole);
  const word = plain ? deckWord(headlineDigest(whole), anchor) : printedDeckWord(printedDigest(typed), anchor);
  return { word, plain };
}

/**
 * Which of a deck's anchors (headlines.ts) to look a whole query up with: one the query
 * probes first anyway, whose file it fetches for that, where it can.
 */
function headlineAnchor(firstTerm: QueryTerm | undefined): (whole: string) => string | undefined {
  const firstProbes = new Set(firstTerm?.variants.map((variant) => variant.probes[0]?.word));
  return (whole) => {
    const anchors = deckAnchors(whole);
    return anchors.find((anchor) => firstProbes.has(anchor)) ?? anchors[0];
  };
}
