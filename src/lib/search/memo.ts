/**
 * A per-character function remembered for the characters it has seen: text repeats its
 * characters, and the search folds and encodes every one of them. The memory is bounded
 * so that hostile text with every code point cannot grow it without end.
 */
export function memoizePerChar(compute: (char: string) => string, limit = 65_536): (char: string) => string {
  const known = new Map<string, string>();
  return (char) => {
    let result = known.get(char);
    if (result === undefined) {
      result = compute(char);
      if (known.size < limit) known.set(char, result);
    }
    return result;
  };
}
