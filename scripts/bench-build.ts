/**
 * npm run bench:build [-- --sizes 1000,10000,50000 --seed 1]
 *
 * For each size: generates the corpus (gen:corpus) unless it is there, runs a full build
 * from nothing (empty caches, the site recompiled), then adds one day of pages and runs the
 * incremental build, then takes the day away again. Prints per stage wall time, articles
 * per second and the peak memory of the whole process tree (build, workers, search shards),
 * and the ratio of time per article between the largest and the smallest corpus.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, readFile, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/paths';
import type { BuildReport } from './lib/build-archive';
import { watchPeakMemory } from './lib/process-memory';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    seed: { type: 'string', default: '1' },
  },
});
const sizes = values.sizes.split(',').map(Number);

interface Run {
  report: BuildReport;
  wallMs: number;
  peakBytes: number;
}

async function build(corpusDir: string): Promise<Run> {
  const reportFile = path.join(corpusDir, 'build-report.json');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/build.ts',
      '--seeds',
      path.join(corpusDir, 'seeds'),
      '--out',
      path.join(corpusDir, 'dist'),
      '--cache',
      path.join(corpusDir, 'cache'),
      '--report',
      reportFile,
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const memory = watchPeakMemory(child.pid!);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const peakBytes = memory.stop();
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`the build of ${path.relative(ROOT, corpusDir)} exited with ${code}`);
  return { report: JSON.parse(await readFile(reportFile, 'utf8')) as BuildReport, wallMs, peakBytes };
}

function generate(args: string[]): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-corpus.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Adds the next day's pages, and returns how to take them away again. */
async function appendDay(corpusDir: string): Promise<() => Promise<void>> {
  const manifest = path.join(corpusDir, 'seeds', 'manifest.json');
  const expected = path.join(corpusDir, 'expected.json');
  await copyFile(manifest, `${manifest}.bench`);
  await copyFile(expected, `${expected}.bench`);
  const before = new Set(Object.keys(JSON.parse(await readFile(expected, 'utf8')) as object));
  generate(['--append-day', '--seed', values.seed, '--out', corpusDir]);
  const added = Object.keys(JSON.parse(await readFile(expected, 'utf8')) as object).filter((file) => !before.has(file));
  return async () => {
    for (const file of added) await unlink(path.join(corpusDir, 'seeds', file));
    await copyFile(`${manifest}.bench`, manifest);
    await copyFile(`${expected}.bench`, expected);
    await rm(`${manifest}.bench`);
    await rm(`${expected}.bench`);
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gigabytes = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
/** Export and sitemap run while the search shards build: their times overlap the search's. */
const STAGES = ['ingest', 'index', 'compile', 'render', 'search', 'export', 'sitemap', 'verify'];

const rows: Array<{ size: number; full: Run; incremental: Run; addedArticles: number }> = [];
for (const size of sizes) {
  const corpusDir = path.join(ROOT, 'corpus', String(size));
  if (!existsSync(path.join(corpusDir, 'expected.json'))) generate(['--articles', String(size), '--seed', values.seed]);
  await rm(path.join(corpusDir, 'dist'), { recursive: true, force: true });
  await rm(path.join(corpusDir, 'cache'), { recursive: true, force: true });
  // A full build compiles the site too: forget that it was compiled.
  await rm(path.join(ROOT, '.cache', 'astro-sources.sha256'), { force: true });
  console.error(`bench:build: full build of ${size} articles…`);
  const full = await build(corpusDir);
  const restore = await appendDay(corpusDir);
  let incremental: Run;
  try {
    console.error(`bench:build: incremental build after one more day…`);
    incremental = await build(corpusDir);
  } finally {
    await restore();
  }
  rows.push({ size, full, incremental, addedArticles: incremental.report.articles - full.report.articles });
}

const cpus = os.cpus();
console.log(
  `Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
);
console.log('');
console.log(
  `| articles | full build | ${STAGES.join(' | ')} | parse CPU | segment CPU | articles/s | ms/article | peak memory | +1 day (articles) | incremental | pages re-parsed | incremental / full |`,
);
console.log(`|${' --- |'.repeat(STAGES.length + 11)}`);
for (const { size, full, incremental, addedArticles } of rows) {
  const { report } = full;
  const stages = STAGES.map((stage) => seconds(report.timings[stage] ?? 0));
  console.log(
    `| ${report.articles} | ${seconds(full.wallMs)} | ${stages.join(' | ')} | ${seconds(report.ingestCpu.parse)} | ${seconds(report.ingestCpu.segment)} | ${Math.round(report.articles / (full.wallMs / 1000))} | ${(full.wallMs / report.articles).toFixed(2)} | ${gigabytes(full.peakBytes)} | ${addedArticles} | ${seconds(incremental.wallMs)} | ${incremental.report.pagesParsed} of ${incremental.report.pageFiles} | ${(incremental.wallMs / full.wallMs).toFixed(3)} |`,
  );
  if (size !== report.articles) console.log(`(corpus ${size} built ${report.articles} articles)`);
}
console.log('');
console.log(
  `| articles | incremental build (+1 day) | ${STAGES.join(' | ')} | pages rendered | search shards rebuilt |`,
);
console.log(`|${' --- |'.repeat(STAGES.length + 4)}`);
for (const { incremental } of rows) {
  const { report } = incremental;
  const stages = STAGES.map((stage) => seconds(report.timings[stage] ?? 0));
  console.log(
    `| ${report.articles} | ${seconds(incremental.wallMs)} | ${stages.join(' | ')} | ${report.rendered} of ${report.sitePages} | ${report.searchShardsRebuilt} of ${report.searchShards} |`,
  );
}
if (rows.length > 1) {
  const perArticle = (row: (typeof rows)[number]) => row.full.wallMs / row.full.report.articles;
  const [smallest, largest] = [rows[0]!, rows.at(-1)!];
  console.log('');
  console.log(
    `Time per article, ${largest.full.report.articles} against ${smallest.full.report.articles} articles: ${(perArticle(largest) / perArticle(smallest)).toFixed(2)}×`,
  );
}
