/**
 * The archive index: one short summary per article, enough for every listing page
 * (calendars, issues, sections, people), derived from the article schema. Full
 * articles stay in the per-page files the index points to.
 */
import { z } from 'zod';
import { articleSchema, bylineSchema, type Article } from './article';
import { contentDigest } from './digest';

export const articleSummarySchema = articleSchema
  .pick({
    id: true,
    publication: true,
    publicationId: true,
    date: true,
    datePrecision: true,
    page: true,
    position: true,
    section: true,
    column: true,
    series: true,
    kind: true,
    kicker: true,
    headline: true,
    subheadline: true,
    continued: true,
  })
  .extend({
    byline: bylineSchema.omit({ raw: true }),
    /** The opening of the text, for listings. */
    excerpt: z.string(),
    /** The page file the article was read from. */
    file: z.string(),
    /** Changes whenever anything in the full article changes. */
    digest: z.string(),
  });
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

export const archiveIndexSchema = z.object({
  /** Every article, in archive order (publication, date, page, place on the page). */
  articles: z.array(articleSummarySchema),
  /** For each page file, the stored file holding its full articles (relative to the store). */
  pageFiles: z.record(z.string()),
});
export type ArchiveIndex = z.infer<typeof archiveIndexSchema>;

const EXCERPT_LENGTH = 80;

export function excerptOf(article: Pick<Article, 'paragraphs'>): string {
  const text = article.paragraphs.find((paragraph) => paragraph.type !== 'subhead')?.text ?? '';
  const characters = [...text];
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH).join('')}…` : text;
}

export function summarise(article: Article): ArticleSummary {
  const { raw: _raw, ...byline } = article.byline;
  const summary: ArticleSummary = {
    id: article.id,
    publication: article.publication,
    publicationId: article.publicationId,
    date: article.date,
    datePrecision: article.datePrecision,
    page: article.page,
    position: article.position,
    kind: article.kind,
    headline: article.headline,
    continued: article.continued,
    byline,
    excerpt: excerptOf(article),
    file: article.source.file,
    digest: contentDigest(JSON.stringify(article)),
  };
  for (const key of ['section', 'column', 'series', 'kicker', 'subheadline'] as const) {
    if (article[key] !== undefined) Object.assign(summary, { [key]: article[key] });
  }
  return summary;
}
