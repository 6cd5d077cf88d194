/**
 * Traditional → simplified for single characters, from OpenCC's tables (opencc-js): Taiwan
 * and Hong Kong variant forms are first read as standard traditional (TWVariantsRev,
 * HKVariantsRev), then as simplified (TSCharacters). Written beside the search index so
 * the search page can read a traditional query; the page loads it only on demand.
 */
import hkVariantsRev from 'opencc-js/dict/HKVariantsRev';
import tsCharacters from 'opencc-js/dict/TSCharacters';
import twVariantsRev from 'opencc-js/dict/TWVariantsRev';

function parse(dictionary: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of dictionary.split('|')) {
    const [from, ...to] = entry.split(' ');
    if (from && to.length > 0 && [...from].length === 1) map.set(from, to.filter(Boolean));
  }
  return map;
}

/** For each character with simplified forms other than itself, those forms (OpenCC's first choice first). */
export function conversionTable(): Record<string, string[]> {
  const simplified = parse(tsCharacters);
  const variants = new Map([...parse(hkVariantsRev), ...parse(twVariantsRev)]);
  const table: Record<string, string[]> = {};
  for (const char of new Set([...simplified.keys(), ...variants.keys()])) {
    const standard = variants.get(char)?.[0] ?? char;
    const candidates = [...new Set(simplified.get(standard) ?? [standard])].filter((candidate) => candidate !== char);
    if (candidates.length > 0) table[char] = candidates;
  }
  return table;
}
