/**
 * The live loader of the `articles` collection: articles as the build parsed them,
 * read from the archive store on demand (an archive of 50,000 articles would not fit
 * Astro's bundled content store; see src/integrations/static-renderer.ts).
 */
import type { LiveLoader } from 'astro/loaders';
import type { Article } from '../lib/article';
import { archive, loadArticle, pageArticles } from '../data/archive-store';

export interface ArticleFilter {
  /** The articles of one page file, in reading order. */
  file?: string;
}

export function archiveLoader(): LiveLoader<Article, { id: string }, ArticleFilter> {
  return {
    name: 'archive-loader',
    loadEntry: async ({ filter }) => {
      const article = await loadArticle(filter.id);
      return article ? { id: article.id, data: article } : undefined;
    },
    loadCollection: async ({ filter }) => {
      const files = filter?.file ? [filter.file] : [...new Set(archive().articles.map((article) => article.file))];
      const entries = [];
      for (const file of files) {
        for (const article of await pageArticles(file)) entries.push({ id: article.id, data: article });
      }
      return { entries };
    },
  };
}
