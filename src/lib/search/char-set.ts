/**
 * A set of characters small enough to travel with the search index: a bitmap over the CJK
 * unified ideographs U+3400–U+9FFF (3.5 KB; OpenCC's 3,200 traditional characters take
 * under 2 KB of it gzipped) and the few characters outside that range listed as they are.
 * The search page reads it to know, before fetching the 17 KB conversion table, whether a
 * query has a character that may be traditional.
 */
export interface CharSet {
  /** Base64 of the bitmap: bit (c − 0x3400) is set for each member c in range, lowest bit first. */
  bitmap: string;
  /** The members outside the range. */
  others: string;
}

const FIRST = 0x3400;
const END = 0xa000;

export function packCharSet(chars: Iterable<string>): CharSet {
  const bytes = new Uint8Array((END - FIRST) / 8);
  const others = new Set<string>();
  for (const char of chars) {
    const point = char.codePointAt(0)!;
    if (point >= FIRST && point < END) bytes[(point - FIRST) >> 3]! |= 1 << ((point - FIRST) & 7);
    else others.add(char);
  }
  return { bitmap: btoa(String.fromCharCode(...bytes)), others: [...others].sort().join('') };
}

/** A test for membership, decoding the bitmap once. */
export function charSetTest(set: CharSet): (char: string) => boolean {
  const binary = atob(set.bitmap);
  const others = new Set(set.others);
  return (char) => {
    const point = char.codePointAt(0)!;
    if (point < FIRST || point >= END) return others.has(char);
    return ((binary.charCodeAt((point - FIRST) >> 3) >> ((point - FIRST) & 7)) & 1) === 1;
  };
}
