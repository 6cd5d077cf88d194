/**
 * Telling headlines and subheads from prose, and splitting a headline into its decks.
 *
 * Headlines carry no full stop, and the extraction often puts the decks of one headline
 * on one line (kicker, headline and "——subheadline"). Column breaks leave paragraph
 * fragments that also lack a full stop; what separates those from headings is the
 * grammar of running prose: an adverbial opener with a comma (据悉，在…中，), an
 * enumeration comma, a dangling function word.
 */
import { isBracketed, stripClosers, visibleLength } from './chinese-text';

/** Could this line be a headline deck at all: no sentence inside, no trailing comma, not a report's opening. */
export function canBeHeadline(line: string): boolean {
  const text = line.trim();
  const length = visibleLength(text);
  if (length < 2 || length > 120) return false;
  if (/[。;；]/u.test(text)) return false;
  if (/[,，、:：]$/u.test(stripClosers(text))) return false;
  // Headlines hold a clause or two; three commas make a sentence.
  if ((text.match(/[,，]/gu)?.length ?? 0) > 2) return false;
  if (isBracketed(text) || DATELINE_START.test(text)) return false;
  return /\p{Script=Han}/u.test(text);
}

/** 本报讯 and the like open a report's first paragraph, never a headline. */
const DATELINE_START = /^(?:本报讯|本报\S{1,12}?[讯电]|(?:据)?新华社)/u;

/** Openers of running prose: a time, a source or a circumstance followed by a comma. */
const PROSE_OPENER =
  /^(?:据悉|据了解|据介绍|为此|对此|因此|同时|此外|另外|其中|其间|目前|当前|如今|近日|近年来|今年\S{0,6}|去年\S{0,6}|昨天\S{0,2}|今天\S{0,2}|此前|随后|然而|但是|不过|根据\S*|按照\S*|通过\S*|作为\S*|随着\S*|截至\S*|在\S*(?:中|上|下|时|后|前|里))[,，]/u;

/** Words that cannot end a heading because the sentence goes on after them. */
const DANGLING_END = /[的在被将和与及或对从向把还也都而并即让使]$/u;

/** A line that reads as a heading on its own, without a byline to vouch for it. */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (!canBeHeadline(text) || /、/u.test(text)) return false;
  if (visibleLength(text) > 48) return false;
  if (text.split(/\s+/u).some((segment) => visibleLength(segment) > 24)) return false;
  const commas = text.match(/[,，]/gu)?.length ?? 0;
  if (commas > 1) return false;
  if (commas === 1 && PROSE_OPENER.test(text)) return false;
  // A clause and a question or exclamation is a sentence of the text, not a deck: 处于时代的浪潮中,平湖以何塑造竞争新优势?
  if (commas === 1 && /[!?！？]$/u.test(stripClosers(text))) return false;
  return !DANGLING_END.test(stripClosers(text));
}

export interface Decks {
  kicker?: string;
  headline: string;
  subheadline?: string;
}

/** Verbs that end a front-page kicker: 陈伟在…座谈会上强调 / 全力促进…. */
const SPEECH_KICKER = /^(\S.{3,}?(?:强调|指出|表示|要求|提出|寄语|致辞|讲话|批示))\s+(\S.*)$/u;

/** The text after a subheadline dash, or undefined when the line is not a subheadline. */
export function subheadlineText(line: string): string | undefined {
  const match = /^\s*[—–-]{1,2}\s*(.+)$/u.exec(line);
  return match?.[1]?.trim();
}

function splitOneLine(line: string): Decks {
  const dash = /\s*——\s*/u.exec(line);
  const hasSubheadline = dash !== null && dash.index > 0 && line.slice(dash.index + dash[0].length).trim() !== '';
  const decks: Decks = { headline: (hasSubheadline ? line.slice(0, dash.index) : line).trim() };
  if (hasSubheadline) decks.subheadline = line.slice(dash.index + dash[0].length).trim();
  const speech = SPEECH_KICKER.exec(decks.headline);
  if (speech?.[1] && speech[2]) {
    decks.kicker = speech[1];
    decks.headline = speech[2];
  }
  return decks;
}

/**
 * Assigns the lines of a headline to its decks: one line may hold all of them, two
 * lines are kicker and headline (or headline and a dashed subheadline), three lines
 * are kicker, headline and subheadline.
 */
export function splitDecks(lines: readonly string[]): Decks {
  const clean = lines.map((line) => line.trim().replace(/\s+/gu, ' '));
  if (clean.length === 1) return splitOneLine(clean[0] ?? '');
  if (clean.length === 2) return splitTwoLines(clean[0] ?? '', clean[1] ?? '');
  const [kicker = '', headline = '', firstSubdeck = '', ...moreSubdecks] = clean;
  const ownDash = subheadlineText(firstSubdeck);
  const subheadline = [ownDash ?? firstSubdeck, ...moreSubdecks].join(' ');
  return { kicker, headline: ownDash !== undefined ? headline : (trailingDash(headline) ?? headline), subheadline };
}

function splitTwoLines(first: string, second: string): Decks {
  const dashed = subheadlineText(second);
  if (dashed !== undefined) {
    const main = splitOneLine(first);
    // A second dashed deck under one already dashed keeps its dash: it is not the first.
    return { ...main, subheadline: main.subheadline ? `${main.subheadline} ${second}` : dashed };
  }
  // The extraction may leave the subheadline's dash at the end of the line above it.
  const firstWithoutDash = trailingDash(first);
  if (firstWithoutDash !== undefined) {
    const above = splitOneLine(firstWithoutDash);
    if (!above.subheadline) return { ...above, subheadline: second };
  }
  const main = splitOneLine(second);
  return { ...main, kicker: [first, main.kicker].filter(Boolean).join(' ') };
}

/** A deck that ends in a subheadline dash, without the dash; undefined when it does not. */
function trailingDash(deck: string): string | undefined {
  const match = /^(.*?\S)\s*[—–-]{1,2}$/u.exec(deck);
  return match?.[1] !== undefined && /\p{Script=Han}/u.test(match[1]) ? match[1] : undefined;
}
