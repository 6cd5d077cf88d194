/**
 * How the search page tells the article page what to mark: the strings searched for,
 * including the simplified readings of a traditional query, kept for the next page only.
 */
export const HITS_KEY = 'archive-search-hits';

export interface HitsHandoff {
  /** The article's path the marks are for. */
  path: string;
  needles: string[];
}
