/**
 * npm run build [-- --seeds <dir> --out <dir> --cache <dir> --strict]: ingest the pages in
 * seeds/, then write the site and its open data to dist/ and check what was written.
 *
 * Exit code: 0 when everything was built; 2 when something was skipped (a page, an
 * article, a manifest entry: see the report); 1 when the build failed or its output did
 * not pass its own check. With --strict (for CI), a skip or any warning is a failure (1);
 * notes on defects of the printed pages are not.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildArchive, buildReport } from './lib/build-archive';
import { CACHE_DIR, OUT_DIR, ROOT, SEEDS_DIR } from './lib/paths';
import { reportLines, summarise } from './lib/report';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: SEEDS_DIR },
    out: { type: 'string', default: OUT_DIR },
    cache: { type: 'string', default: CACHE_DIR },
    /** Write the build's figures as JSON to this file (for bench:build). */
    report: { type: 'string' },
    strict: { type: 'boolean', default: false },
  },
});
const seedsDir = path.resolve(values.seeds);
const result = await buildArchive({
  seedsDir,
  outDir: path.resolve(values.out),
  cacheDir: path.resolve(values.cache),
});

for (const line of reportLines(result.ingest, path.relative(ROOT, seedsDir) || '.')) console.log(line);
const { render } = result;
console.log(
  `Site: ${render.pages.length} pages, ${render.rendered} rendered${result.compiled ? ' (templates recompiled)' : ''}, ${render.removed} removed.`,
);
console.log(
  `Search: ${result.search.articles} articles in ${result.search.shards} shards, ${result.search.rebuilt} rebuilt; ${result.search.segmentsWritten} index segments written (${(result.search.segmentBytesWritten / 2 ** 20).toFixed(1)} MB).`,
);
console.log(
  `Open data: ${result.exported.pages} page files, ${result.exported.pages - result.exported.serialised} copied from the last build.`,
);
const stages = Object.entries(result.timings).map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`);
console.log(`Stages: ${stages.join(', ')}.`);
if (values.report) {
  await writeFile(path.resolve(values.report), `${JSON.stringify(buildReport(result), null, 2)}\n`);
}
for (const link of result.broken.slice(0, 20)) {
  console.error(`error: broken link in ${link.page}: ${link.href} (${link.reason})`);
}
for (const problem of result.problems.slice(0, 20)) console.error(`error: ${problem}`);
const summary = summarise(result.ingest);
if (result.broken.length > 0 || result.problems.length > 0) {
  console.error(
    `The built site failed its check: ${result.broken.length} broken internal links, ${result.problems.length} other problems.`,
  );
  process.exitCode = 1;
} else if (values.strict && (summary.pagesSkipped > 0 || summary.errors > 0 || summary.warnings > 0)) {
  console.error(`--strict: ${summary.errors} errors and ${summary.warnings} warnings fail the build.`);
  process.exitCode = 1;
} else {
  process.exitCode = summary.pagesSkipped > 0 || summary.errors > 0 ? 2 : 0;
}
