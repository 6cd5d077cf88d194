/** 往年今日 as JSON, for the home page to show the reader's own today. */
import type { APIRoute } from 'astro';
import { archive } from '../../../data/archive-store';
import { formatDate } from '../../../lib/site/dates';
import { onThisDayModel } from '../../../lib/site/models';
import { paths, withBase } from '../../../lib/site/urls';

export const GET: APIRoute = ({ params }) => {
  const model = onThisDayModel(archive(), params.md ?? '');
  if (!model) return new Response(null, { status: 404 });
  const issues = model.issues.map(({ issue, articles }) => ({
    label: `${issue.publication} ${formatDate(issue.date)}`,
    href: withBase(paths.issue(issue)),
    articles: articles.map((article) => ({ headline: article.headline, href: withBase(paths.article(article)) })),
  }));
  return Response.json({ monthDay: model.monthDay, issues });
};
