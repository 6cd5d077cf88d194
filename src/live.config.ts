// The archive's articles as a live content collection, typed by the one article schema.
import { defineLiveCollection } from 'astro:content';
import { articleSchema } from './lib/article';
import { archiveLoader } from './loaders/archive-loader';

const articles = defineLiveCollection({ loader: archiveLoader(), schema: articleSchema });

export const collections = { articles };
