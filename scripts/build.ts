/**
 * npm run build: ingest the pages in seeds/, then write the site and its open data to dist/.
 * Exit code 0 when every page was built, 2 when some were skipped (see the report), 1 on failure.
 */
import config from '../archive.config';
import { writeExport } from './lib/export';
import { ingest } from './lib/ingest';
import { CACHE_DIR, OUT_DIR, SEEDS_DIR } from './lib/paths';
import { reportLines, summarise } from './lib/report';
import { writeIndex } from './lib/store';

const result = await ingest({ seedsDir: SEEDS_DIR, config, cacheDir: CACHE_DIR });
await writeIndex(CACHE_DIR, result.index);
await writeExport(OUT_DIR, CACHE_DIR, result.pages);
for (const line of reportLines(result, 'seeds')) console.log(line);
process.exitCode = summarise(result).pagesSkipped > 0 ? 2 : 0;
