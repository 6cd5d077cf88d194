/** The feed of the latest articles. Only day-dated articles carry a pubDate: an RSS date cannot say "March". */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import config from '../../archive.config';
import { archive } from '../data/archive-store';
import { formatDateWithPrecision } from '../lib/site/dates';
import { feedModel } from '../lib/site/models';
import { absoluteUrl, paths } from '../lib/site/urls';

export const GET: APIRoute = () => {
  const { articles } = feedModel(archive());
  return rss({
    title: `${config.name} 最新文章`,
    description: config.description,
    site: absoluteUrl('/'),
    customData: '<language>zh-cn</language>',
    items: articles.map((article) => ({
      title: article.headline,
      link: absoluteUrl(paths.article(article)),
      description: `${article.publication} ${formatDateWithPrecision(article.date, article.datePrecision)}：${article.excerpt}`,
      ...(article.datePrecision === 'day' ? { pubDate: new Date(`${article.date}T00:00:00+08:00`) } : {}),
      categories: [article.section].filter((section): section is string => Boolean(section)),
    })),
  });
};
