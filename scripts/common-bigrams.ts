/**
 * npm run gen:common-bigrams [-- <pages folder>]
 *
 * Writes src/lib/search/common-bigrams.ts: the commonest bigrams of the archive's pages
 * (seeds/ unless a folder is given), which the search index writes with the character after
 * them (trigrams.ts). Run it again only on purpose: a new list changes every shard of the
 * index, so the next build makes the whole index again.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import config from '../archive.config';
import { searchableFields } from '../src/lib/search/record';
import { normalizeForSearch } from '../src/lib/search/normalize';
import { commonestBigrams } from '../src/lib/search/trigrams';
import { ingestPage, listPageFiles, readManifest } from './lib/ingest';
import { ROOT, SEEDS_DIR } from './lib/paths';
import { formatMessage } from './lib/report';

/** About a quarter of the bigrams' occurrences (trigrams.ts): each occurrence of a listed one adds a word to the index. */
const LISTED = 300;

const pagesDir = path.resolve(process.argv[2] ?? SEEDS_DIR);
const manifest = await readManifest(pagesDir, config);
const fields: string[][] = [];
let articles = 0;
for (const file of await listPageFiles(pagesDir)) {
  const page = ingestPage(file, await readFile(path.join(pagesDir, file)), manifest.entries.get(file)?.entry, config);
  for (const message of page.messages.filter(({ level }) => level === 'error'))
    console.error(formatMessage(message, pagesDir));
  for (const article of page.articles) {
    const { decks, paragraphs } = searchableFields(article);
    for (const field of [...decks, ...paragraphs]) fields.push([...normalizeForSearch(field)]);
    articles++;
  }
}
const bigrams = commonestBigrams(fields, LISTED);
const target = path.join(ROOT, 'src/lib/search/common-bigrams.ts');
await writeFile(
  target,
  [
    `// Written by \`npm run gen:common-bigrams\` from ${articles} articles of ${path.relative(ROOT, pagesDir) || '.'}/: their ${bigrams.length} commonest bigrams, commonest first (trigrams.ts).`,
    'export const COMMON_BIGRAMS: readonly string[] = [',
    ...bigrams.map((bigram) => `  '${bigram}',`),
    '];',
    '',
  ].join('\n'),
);
console.log(`${path.relative(ROOT, target)}: ${bigrams.length} bigrams from ${articles} articles`);
