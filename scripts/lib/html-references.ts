/**
 * What a page of this site refers to, read from its HTML. A module of its own, with no
 * imports: the render workers run it as plain JavaScript (see render-site.ts).
 */
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

/** Decodes the character references of an attribute value. */
export function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const LINK = /<(?:a|link|script|img|form|source)\b[^>]*?\s(?:href|src|action)="([^"]*)"/gi;
const ID = 'id="';

/**
 * The ids of a page's elements: each `id="` that follows white space inside a tag. Found by
 * searching for the string rather than by a pattern tried at every tag: a third of the time.
 */
function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (let at = html.indexOf(ID); at >= 0; at = html.indexOf(ID, at + ID.length)) {
    if (!/\s/u.test(html[at - 1] ?? '')) continue;
    const tagStart = html.lastIndexOf('<', at);
    if (tagStart < 0 || html.lastIndexOf('>', at) > tagStart || !/[a-z]/i.test(html[tagStart + 1] ?? '')) continue;
    const end = html.indexOf('"', at + ID.length);
    if (end < 0) break;
    ids.add(decodeAttribute(html.slice(at + ID.length, end)));
  }
  return ids;
}

/**
 * The URLs a page of this site refers to, and its element ids, read without a parser: Astro
 * writes every attribute in double quotes, and escapes them in text and attribute values,
 * and this is fast enough for every page of a large archive (a full parse is kept for the
 * tests that need one).
 */
export function scanReferences(html: string): { urls: string[]; ids: Set<string> } {
  const urls = [...html.matchAll(LINK)].map((match) => decodeAttribute(match[1] ?? ''));
  return { urls, ids: idsOf(html) };
}

/** A root-relative href whose path a URL parser keeps as written: no characters to encode, no dot segments. */
const PLAIN_ROOT_RELATIVE = /^\/(?!\/)[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/;
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;

/**
 * Where an href on a page of this site leads: the target's URL path and its fragment
 * (still percent-encoded), or undefined when it leads off the site. The site's own links
 * are root-relative and plain ASCII (a page has some thirty), and for those the parts are
 * read off the string: parsing each with `new URL` was two thirds of the link check's time.
 */
export function sameSiteTarget(href: string, page: URL): { pathname: string; fragment: string } | undefined {
  if (PLAIN_ROOT_RELATIVE.test(href) && !DOT_SEGMENT.test(href)) {
    const hashAt = href.indexOf('#');
    const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
    const queryAt = beforeHash.indexOf('?');
    return {
      pathname: queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt),
      fragment: hashAt < 0 ? '' : href.slice(hashAt + 1),
    };
  }
  const target = new URL(href, page);
  return target.origin === page.origin ? { pathname: target.pathname, fragment: target.hash.slice(1) } : undefined;
}
