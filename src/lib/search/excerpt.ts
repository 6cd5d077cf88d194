/**
 * Excerpts quote the original text — never index words — around the first hit, with every
 * hit in view marked. Hits are found in the normalised text and mapped back, so a hit on
 * 两业融合 marks “两业”融合 with its quotation marks.
 */
import { normalizeWithOffsets } from './normalize';

export interface Segment {
  text: string;
  hit: boolean;
}

/** Original-text ranges [start, end) where any of the normalised needles occurs. */
export function hitRanges(text: string, needles: readonly string[]): Array<[number, number]> {
  const { chars, starts, ends } = normalizeWithOffsets(text);
  const haystack = chars;
  const ranges: Array<[number, number]> = [];
  for (const needle of needles) {
    const pattern = [...needle];
    if (pattern.length === 0) continue;
    for (let index = 0; index + pattern.length <= haystack.length; index++) {
      if (pattern.every((char, offset) => haystack[index + offset] === char)) {
        ranges.push([starts[index]!, ends[index + pattern.length - 1]!]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The text cut into plain and hit segments. */
export function markHits(text: string, ranges: ReadonlyArray<[number, number]>): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), hit: false });
  return segments;
}

/** Cuts at code-point boundaries so an astral character (𠮷) is never split. */
function safeIndex(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * An excerpt of about `length` characters from the first paragraph with a hit, starting a
 * little before the hit; the opening of the text when no paragraph has one.
 */
export function excerpt(paragraphs: readonly string[], needles: readonly string[], length = 110): Segment[] {
  for (const paragraph of paragraphs) {
    const ranges = hitRanges(paragraph, needles);
    const first = ranges[0];
    if (!first) continue;
    const start = safeIndex(paragraph, Math.max(0, first[0] - Math.floor(length / 4)));
    const end = safeIndex(paragraph, Math.min(paragraph.length, start + length));
    const window: Array<[number, number]> = ranges
      .filter(([from, to]) => to > start && from < end)
      .map(([from, to]) => [Math.max(from, start) - start, Math.min(to, end) - start]);
    const segments = markHits(paragraph.slice(start, end), window);
    if (start > 0) segments.unshift({ text: '…', hit: false });
    if (end < paragraph.length) segments.push({ text: '…', hit: false });
    return segments;
  }
  const opening = paragraphs[0] ?? '';
  const end = safeIndex(opening, Math.min(opening.length, length));
  return [{ text: opening.slice(0, end) + (end < opening.length ? '…' : ''), hit: false }];
}
