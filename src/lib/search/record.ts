/**
 * An article as search sees it: the text it is matched against, the section it is filtered
 * by, and what a result shows and quotes from.
 */
import type { Article } from '../article';
import { formatDateWithPrecision } from '../site/dates';

/** The text search matches: the headline decks and every paragraph — not the byline or the 本报讯 tag. */
export function searchableFields(article: Pick<Article, 'kicker' | 'headline' | 'subheadline' | 'paragraphs'>): {
  decks: string[];
  paragraphs: string[];
} {
  return {
    decks: [article.kicker, article.headline, article.subheadline].filter((deck): deck is string => Boolean(deck)),
    paragraphs: article.paragraphs.map((paragraph) => paragraph.text),
  };
}

/** The one section an article is filtered by: its section, else its page's name, else its page number. */
export function primarySection(article: Pick<Article, 'section' | 'page'>): string {
  return (
    article.section ?? article.page.name ?? (article.page.number !== undefined ? `第${article.page.number}版` : '其他')
  );
}

/** What a search result shows, written beside the index for each article. */
export interface SearchDisplay {
  /** The article's permalink (with the site's base). */
  url: string;
  headline: string;
  kicker?: string;
  subheadline?: string;
  publication: string;
  date: string;
  dateLabel: string;
  section: string;
  /** The searchable text in reading order: the decks, then the paragraphs (excerpts quote it). */
  text: string[];
  /** How many of `text`'s first entries are headline decks. */
  decks: number;
}

/** Where an article's display file is, in the site: by its key, `<record>-<slot>` (engine.ts). */
export function displayPath(key: string): string {
  return `search/text/${key}.json`;
}

export function searchDisplay(article: Article, url: string): SearchDisplay {
  const { decks, paragraphs } = searchableFields(article);
  const display: SearchDisplay = {
    url,
    headline: article.headline,
    publication: article.publication,
    date: article.date,
    dateLabel: formatDateWithPrecision(article.date, article.datePrecision),
    section: primarySection(article),
    text: [...decks, ...paragraphs],
    decks: decks.length,
  };
  if (article.kicker) display.kicker = article.kicker;
  if (article.subheadline) display.subheadline = article.subheadline;
  return display;
}
