/**
 * npm run bench:build [-- --sizes 1000,10000,50000 --seed 1]
 *
 * For each size: generates the corpus (gen:corpus) unless it is there, runs a full build
 * from nothing (empty caches, the site recompiled), then adds one day of pages and runs the
 * incremental build, and so on, day by day, up to the first day that begins a new search
 * shard; then takes the days away again. Prints per stage wall time, articles
 * per second and the peak memory of the whole process tree (build, workers, search shards),
 * and the ratio of time per article between the largest and the smallest corpus.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/paths';
import type { BuildReport } from './lib/build-archive';
import { watchPeakMemory } from './lib/process-memory';
import { planShards, type ShardPlan } from '../src/lib/search/records';

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

/** Adds the next day's pages; returns its date and how to take them away again. */
async function appendDay(corpusDir: string): Promise<{ date: string; restore: () => Promise<void> }> {
  const manifest = path.join(corpusDir, 'seeds', 'manifest.json');
  const expected = path.join(corpusDir, 'expected.json');
  const [manifestBefore, expectedBefore] = await Promise.all([readFile(manifest), readFile(expected)]);
  const before = new Set(Object.keys(JSON.parse(expectedBefore.toString('utf8')) as object));
  generate(['--append-day', '--seed', values.seed, '--out', corpusDir]);
  const added = Object.keys(JSON.parse(await readFile(expected, 'utf8')) as object).filter((file) => !before.has(file));
  const { pages } = JSON.parse(await readFile(manifest, 'utf8')) as { pages: Array<{ file: string; date: string }> };
  return {
    date: pages.at(-1)!.date,
    restore: async () => {
      for (const file of added) await unlink(path.join(corpusDir, 'seeds', file));
      await writeFile(manifest, manifestBefore);
      await writeFile(expected, expectedBefore);
    },
  };
}

/** The corpus's articles as the search index plans its shards (records.ts), from the generator's counts. */
async function corpusShards(corpusDir: string): Promise<ShardPlan[]> {
  const { pages } = JSON.parse(await readFile(path.join(corpusDir, 'seeds', 'manifest.json'), 'utf8')) as {
    pages: Array<{ file: string; date: string }>;
  };
  const counts = JSON.parse(await readFile(path.join(corpusDir, 'expected.json'), 'utf8')) as Record<string, number>;
  return planShards(
    pages.flatMap(({ file, date }) =>
      Array.from({ length: counts[file] ?? 0 }, (_, index) => ({ id: `${file}#${index}`, date, digest: '' })),
    ),
  );
}

interface DayRun {
  run: Run;
  /** The day begins a new search shard. */
  beginsShard: boolean;
}

/**
 * Adds days one at a time, each built and timed, up to and including the first that
 * begins a new search shard (every two to three weeks for a daily paper). Returns the
 * runs and how to take the days away again.
 */
async function addDaysUntilAShardBegins(corpusDir: string): Promise<{ days: DayRun[]; restore: () => Promise<void> }> {
  const added: Array<() => Promise<void>> = [];
  const restore = async () => {
    for (const undo of added.reverse()) await undo();
  };
  const days: DayRun[] = [];
  try {
    while (!days.at(-1)?.beginsShard) {
      if (days.length === 60) throw new Error(`${corpusDir}: no new search shard in 60 days`);
      const day = await appendDay(corpusDir);
      added.push(day.restore);
      const beginsShard = (await corpusShards(corpusDir)).at(-1)?.id === day.date;
      console.error(
        `bench:build: incremental build of ${day.date}${beginsShard ? ', which begins a search shard' : ''}…`,
      );
      days.push({ run: await build(corpusDir), beginsShard });
    }
  } catch (error) {
    await restore();
    throw error;
  }
  return { days, restore };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gigabytes = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GB`;
/** Export and sitemap run while the search shards build: their times overlap the search's. */
const STAGES = ['ingest', 'index', 'compile', 'render', 'search', 'export', 'sitemap', 'verify'];

/**
 * The last build's output is moved out of the way rather than removed, and removed once every
 * build is timed: on this disk (ext4 mounted with `discard`), for a while after many files
 * are removed, making a file takes five to fifteen times as long (0.3–0.9 ms against 0.05,
 * measured after removing 30,000), and the timed build would pay for the removal of the one
 * before it (50,000 articles: 36 s more of the kernel's time, 283.6 s against 264.4 s).
 */
const ASIDE = path.join(ROOT, 'corpus', '.aside');
async function moveAside(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await mkdir(ASIDE, { recursive: true });
  await rename(dir, path.join(ASIDE, `${path.basename(path.dirname(dir))}-${path.basename(dir)}-${Date.now()}`));
}

const rows: Array<{ size: number; full: Run; ordinary: Run[]; shardDay: Run }> = [];
for (const size of sizes) {
  const corpusDir = path.join(ROOT, 'corpus', String(size));
  if (!existsSync(path.join(corpusDir, 'expected.json'))) generate(['--articles', String(size), '--seed', values.seed]);
  for (const output of ['dist', 'cache']) await moveAside(path.join(corpusDir, output));
  // A full build compiles the site too: forget that it was compiled.
  await rm(path.join(ROOT, '.cache', 'astro-sources.sha256'), { force: true });
  console.error(`bench:build: full build of ${size} articles…`);
  const full = await build(corpusDir);
  const { days, restore } = await addDaysUntilAShardBegins(corpusDir);
  await restore();
  rows.push({
    size,
    full,
    ordinary: days.filter((day) => !day.beginsShard).map((day) => day.run),
    shardDay: days.at(-1)!.run,
  });
}

const cpus = os.cpus();
console.log(
  `Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`,
);
console.log('');
console.log(
  `| articles | full build | ${STAGES.join(' | ')} | parse CPU | segment CPU | articles/s | ms/article | peak memory | +1 day (articles) | incremental | pages re-parsed | incremental / full | ordinary days: median / max over full | a day beginning a shard | its / full |`,
);
console.log(`|${' --- |'.repeat(STAGES.length + 14)}`);
for (const { size, full, ordinary, shardDay } of rows) {
  // The first day added, whichever it is; then every ordinary day, and the day that began a shard.
  const incremental = ordinary[0] ?? shardDay;
  const addedArticles = incremental.report.articles - full.report.articles;
  const ratios = ordinary.map((day) => day.wallMs / full.wallMs);
  const spread =
    ratios.length > 0 ? `${median(ratios).toFixed(3)} / ${Math.max(...ratios).toFixed(3)} (${ratios.length})` : '–';
  const { report } = full;
  const stages = STAGES.map((stage) => seconds(report.timings[stage] ?? 0));
  console.log(
    `| ${report.articles} | ${seconds(full.wallMs)} | ${stages.join(' | ')} | ${seconds(report.ingestCpu.parse)} | ${seconds(report.ingestCpu.segment)} | ${Math.round(report.articles / (full.wallMs / 1000))} | ${(full.wallMs / report.articles).toFixed(2)} | ${gigabytes(full.peakBytes)} | ${addedArticles} | ${seconds(incremental.wallMs)} | ${incremental.report.pagesParsed} of ${incremental.report.pageFiles} | ${(incremental.wallMs / full.wallMs).toFixed(3)} | ${spread} | ${seconds(shardDay.wallMs)} | ${(shardDay.wallMs / full.wallMs).toFixed(3)} |`,
  );
  if (size !== report.articles) console.log(`(corpus ${size} built ${report.articles} articles)`);
}
console.log('');
console.log(
  `| articles | day added | incremental build | ${STAGES.join(' | ')} | pages rendered | search shards rebuilt | word index written |`,
);
console.log(`|${' --- |'.repeat(STAGES.length + 6)}`);
for (const { ordinary, shardDay } of rows) {
  for (const [kind, { report, wallMs }] of [
    ...(ordinary[0] ? [['ordinary (the first)', ordinary[0]] as const] : []),
    ['begins a shard', shardDay] as const,
  ]) {
    const stages = STAGES.map((stage) => seconds(report.timings[stage] ?? 0));
    console.log(
      `| ${report.articles} | ${kind} | ${seconds(wallMs)} | ${stages.join(' | ')} | ${report.rendered} of ${report.sitePages} | ${report.searchShardsRebuilt} of ${report.searchShards} | ${(report.searchIndexBytesWritten / 2 ** 20).toFixed(1)} MB |`,
    );
  }
}
if (rows.length > 1) {
  const perArticle = (row: (typeof rows)[number]) => row.full.wallMs / row.full.report.articles;
  const [smallest, largest] = [rows[0]!, rows.at(-1)!];
  console.log('');
  console.log(
    `Time per article, ${largest.full.report.articles} against ${smallest.full.report.articles} articles: ${(perArticle(largest) / perArticle(smallest)).toFixed(2)}×`,
  );
}
// Every build is timed: the output moved aside goes now.
await rm(ASIDE, { recursive: true, force: true });
