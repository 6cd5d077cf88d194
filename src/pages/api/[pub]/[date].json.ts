/** An issue's open data: its pages in print order, each with its full articles, typed by the article schema. */
import type { APIRoute } from 'astro';
import { getLiveCollection } from 'astro:content';
import { archive } from '../../../data/archive-store';
import { issueModel } from '../../../lib/site/models';

export const GET: APIRoute = async ({ params }) => {
  const model = issueModel(archive(), params.pub ?? '', params.date ?? '');
  if (!model) return new Response(null, { status: 404 });
  const pages = [];
  for (const page of model.pages) {
    const files = [...new Set(page.articles.map((article) => article.file))];
    const articles = [];
    for (const file of files) {
      const { entries, error } = await getLiveCollection('articles', { file });
      if (error || !entries) throw error ?? new Error(`no articles for ${file}`);
      const wanted = new Set(page.articles.map((article) => article.id));
      articles.push(...entries.map((entry) => entry.data).filter((article) => wanted.has(article.id)));
    }
    const { articles: _summaries, articleCount: _count, ...ref } = page;
    pages.push({ ...ref, articles });
  }
  const { publicationId, publication, date, datePrecision } = model.issue;
  return new Response(`${JSON.stringify({ publicationId, publication, date, datePrecision, pages }, null, 1)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
