/**
 * Listings (a section, a person, a paper) show the newest articles on their first page,
 * and keep older ones on numbered pages counted from the oldest: page 1 always holds the
 * first 20 articles ever listed. Adding new articles only changes the newest pages, so
 * links to older pages stay valid and a rebuild touches few files.
 */
export const PAGE_SIZE = 20;

/** How many numbered pages a listing of `total` articles has: none when it fits on its newest page. */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return total > size ? Math.ceil(total / size) : 0;
}

/** Numbered page `number` (1 = oldest) of a newest-first list, still newest first. */
export function numberedPage<T>(newestFirst: readonly T[], number: number, size = PAGE_SIZE): T[] {
  const total = newestFirst.length;
  return newestFirst.slice(Math.max(0, total - number * size), total - (number - 1) * size);
}

/** The numbered page holding the newest article after the first `size` (what "older" leads to). */
export function olderPageAfterLatest(total: number, size = PAGE_SIZE): number | undefined {
  return total > size ? Math.floor((total - 1 - size) / size) + 1 : undefined;
}

export type PagerItem = { kind: 'latest' } | { kind: 'page'; number: number } | { kind: 'gap' };

/**
 * The links of a pager, newest on the left: 最新, the pages around the current one, and
 * page 1 (the oldest); the newest page also shows the numbered pages just before it.
 * `count` is the number of numbered pages (0: the listing fits on its newest page). A
 * numbered page's links do not depend on `count` unless it is near the newest end, so
 * older pages stay as they are while the listing grows. Bounded, however long the listing.
 */
export function pagerItems(current: number | 'latest', count: number, radius = 2): PagerItem[] {
  if (count === 0) return [];
  const centre = current === 'latest' ? count : current;
  const shown = new Set<number>([1]);
  for (let number = centre - radius; number <= Math.min(centre + radius, count); number++) {
    if (number >= 1) shown.add(number);
  }
  const items: PagerItem[] = [{ kind: 'latest' }];
  let previous: number | undefined;
  for (const number of [...shown].sort((a, b) => b - a)) {
    if (previous !== undefined && previous - number > 1) items.push({ kind: 'gap' });
    items.push({ kind: 'page', number });
    previous = number;
  }
  return items;
}

/** A listing page from its URL segment: none for the newest page, a number for page n; undefined when invalid. */
export function parseListingPage(segment: string | undefined): 'latest' | number | undefined {
  if (segment === undefined) return 'latest';
  return /^[1-9]\d*$/u.test(segment) ? Number(segment) : undefined;
}
