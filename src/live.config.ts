// The archive's articles as a live content collection, typed by the one article schema
// through the loader. The entries are not checked against the schema again here: every
// article was checked at ingest before it was cached, and the cache is keyed by the code
// that defines the schema (scripts/lib/page-cache.ts), so a page rendered from it cannot
// hold an article the schema would refuse; checking each again cost a twentieth of a
// render worker's time.
import { defineLiveCollection } from 'astro:content';
import { archiveLoader } from './loaders/archive-loader';

const articles = defineLiveCollection({ loader: archiveLoader() });

export const collections = { articles };
