/**
 * What a page of this site refers to, read from its HTML. A module of its own, with no
 * imports: the render workers run it as plain JavaScript (see render-site.ts).
 */
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** Decodes the character references of an attribute value. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const LINK = /<(?:a|link|script|img|form|source)\b[^>]*?\s(?:href|src|action)="([^"]*)"/giu;
const ID = /<[a-z][a-z0-9-]*\b[^>]*?\sid="([^"]*)"/giu;

/**
 * The URLs a page of this site refers to, and its element ids, read with patterns: Astro
 * writes every attribute in double quotes, and this is fast enough for every page of a
 * large archive (a full parse is kept for the tests that need one).
 */
export function scanReferences(html: string): { urls: string[]; ids: Set<string> } {
  const urls = [...html.matchAll(LINK)].map((match) => decodeAttribute(match[1] ?? ''));
  const ids = new Set([...html.matchAll(ID)].map((match) => decodeAttribute(match[1] ?? '')));
  return { urls, ids };
}
