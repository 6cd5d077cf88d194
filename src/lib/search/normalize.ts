/**
 * What counts as the same text for search. Text and queries are compared after the same
 * normalisation, so that punctuation and spacing never decide a match (两业融合 finds
 * “两业”融合), full-width and half-width forms are the same character (ＡＩ = AI), and
 * case and accents do not matter. Only letters and digits survive.
 */

import { memoizePerChar } from './memo';

function fold(char: string): string {
  const folded = char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let kept = '';
  for (const piece of folded) if (/[\p{L}\p{N}]/u.test(piece)) kept += piece;
  return kept;
}

/** The searchable characters a single character of text stands for (usually itself, or none). */
export function normalizeChar(char: string): string {
  const code = char.charCodeAt(0);
  // CJK Unified Ideographs: already searchable as they are (the common case, kept fast).
  if (char.length === 1 && code >= 0x4e00 && code <= 0x9fff) return char;
  return foldMemoized(char);
}

const foldMemoized = memoizePerChar(fold);

/** The text reduced to its searchable characters. */
export function normalizeForSearch(text: string): string {
  let normalized = '';
  for (const char of text) normalized += normalizeChar(char);
  return normalized;
}

export interface NormalizedText {
  /** The searchable characters, one string element per character (code point). */
  chars: string[];
  /** For each searchable character, the index in the original string (UTF-16) where its source character starts. */
  starts: number[];
  /** For each searchable character, the index in the original string just after its source character. */
  ends: number[];
}

/** Normalises text while remembering where each searchable character came from, to mark hits in the original. */
export function normalizeWithOffsets(text: string): NormalizedText {
  const result: NormalizedText = { chars: [], starts: [], ends: [] };
  let offset = 0;
  for (const char of text) {
    for (const piece of normalizeChar(char)) {
      result.chars.push(piece);
      result.starts.push(offset);
      result.ends.push(offset + char.length);
    }
    offset += char.length;
  }
  return result;
}
