/**
 * Ids and permalinks come from where an article was printed — publication, date, page,
 * place on the page — never from a hash of its text, so a better parse of the body
 * does not move them.
 */
export interface ArticlePlace {
  publicationId: string;
  /** ISO date at its precision: 2026-03-28, 2026-03 or 2026. */
  date: string;
  page: { key: string };
}

/** A page key safe in ids and URLs: lowercase letters, digits and hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/u, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** The key of a page: its number where known (`1`), else a slug of its manifest key or file name. */
export function pageKeyOf(page: { number?: number | undefined }, fallback: string): string {
  return page.number !== undefined ? String(page.number) : slugify(fallback) || 'page';
}

export function articleId(place: ArticlePlace, position: number): string {
  return [
    place.publicationId,
    place.date.replace(/-/gu, ''),
    `p${place.page.key}`,
    String(position).padStart(2, '0'),
  ].join('-');
}
