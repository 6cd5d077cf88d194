/**
 * npm run build: ingest the pages in seeds/, then write the site and its open data to dist/.
 * Exit code 0 when every page was built, 2 when some were skipped (see the report), 1 on failure.
 */
import config from '../archive.config';
import { writeExport } from './lib/export';
import { ingest } from './lib/ingest';
import { reportLines, summarise } from './lib/report';

const SEEDS_DIR = 'seeds';
const OUT_DIR = 'dist';

const result = await ingest(SEEDS_DIR, config);
await writeExport(OUT_DIR, result.pages);
for (const line of reportLines(result, SEEDS_DIR)) console.log(line);
process.exitCode = summarise(result).pagesSkipped > 0 ? 2 : 0;
