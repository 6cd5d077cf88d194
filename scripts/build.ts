/**
 * npm run build: ingest the pages in seeds/, then write the site and its open data to dist/.
 * Exit code 0 when every page was built, 2 when some were skipped (see the report), 1 on failure.
 */
import path from 'node:path';
import config from '../archive.config';
import { ArchiveView } from '../src/lib/site/archive-view';
import { compileSite } from './lib/compile-site';
import { writeExport } from './lib/export';
import { ingest } from './lib/ingest';
import { CACHE_DIR, OUT_DIR, SEEDS_DIR } from './lib/paths';
import { renderSite } from './lib/render-site';
import { reportLines, summarise } from './lib/report';
import { writeIndex } from './lib/store';
import { checkLinks } from './lib/verify-site';
import { writeSitemap } from './lib/write-sitemap';

const ASTRO_DIR = path.join(CACHE_DIR, 'astro');

const result = await ingest({ seedsDir: SEEDS_DIR, config, cacheDir: CACHE_DIR });
await writeIndex(CACHE_DIR, result.index);
const compiled = await compileSite(ASTRO_DIR, CACHE_DIR);
const rendered = await renderSite({
  view: new ArchiveView(result.index),
  astroDir: ASTRO_DIR,
  outDir: OUT_DIR,
  cacheDir: CACHE_DIR,
  site: config.site,
  base: config.base,
});
await writeExport(OUT_DIR, CACHE_DIR, result.pages);
await writeSitemap(
  OUT_DIR,
  rendered.paths.filter((sitePath) => sitePath.endsWith('/')),
);
const broken = await checkLinks(OUT_DIR, new URL(config.site).origin);
for (const line of reportLines(result, 'seeds')) console.log(line);
console.log(
  `Site: ${rendered.pages} pages, ${rendered.rendered} rendered${compiled ? ' (templates recompiled)' : ''}, ${rendered.removed} removed.`,
);
for (const link of broken.slice(0, 20))
  console.error(`error: broken link in dist/${link.page}: ${link.href} (${link.reason})`);
if (broken.length > 0) {
  console.error(`The built site has ${broken.length} broken internal links.`);
  process.exitCode = 1;
} else {
  process.exitCode = summarise(result).pagesSkipped > 0 ? 2 : 0;
}
