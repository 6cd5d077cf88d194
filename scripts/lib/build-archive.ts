/**
 * The whole build, stage by stage: ingest (parse and segment, cached per page) and, beside
 * it, the compiled site; the archive index; then the rendered pages, the open data and the search
 * index side by side (the sitemap once the pages are planned), and the check of the result.
 * Returns what each stage did and how long it took.
 */
import path from 'node:path';
import config from '../../archive.config';
import { ArchiveView } from '../../src/lib/site/archive-view';
import { compileSite } from './compile-site';
import { writeExport, type ExportStats } from './export';
import { ingest, type IngestResult } from './ingest';
import { ROOT } from './paths';
import { renderSite, type RenderStats } from './render-site';
import { writeSearchIndex, type SearchIndexStats } from './search-index';
import { writeIndex } from './store';
import { checkCollectedLinks, checkIntegrity, type BrokenLink } from './verify-site';
import { writeSitemap } from './write-sitemap';

export interface BuildOptions {
  seedsDir: string;
  outDir: string;
  cacheDir: string;
}

export interface BuildResult {
  ingest: IngestResult;
  render: RenderStats;
  search: SearchIndexStats;
  exported: ExportStats;
  compiled: boolean;
  broken: BrokenLink[];
  /** What the build's check of its own output found wrong (see checkIntegrity). */
  problems: string[];
  /** Wall time of each stage, in milliseconds. */
  timings: Record<string, number>;
}

/** What `npm run build -- --report <file>` writes: the figures the benchmarks and scale tests read. */
export interface BuildReport {
  articles: number;
  pageFiles: number;
  pagesParsed: number;
  sitePages: number;
  rendered: number;
  searchShards: number;
  searchShardsRebuilt: number;
  /** Segments of the word index written, whole or from where their shards changed. */
  searchSegmentsWritten: number;
  /** Bytes of the word index written. */
  searchIndexBytesWritten: number;
  /** Page files whose open data was read from the parse cache and written anew (the rest were copied). */
  exportPagesSerialised: number;
  compiled: boolean;
  /** Wall time of each stage, in milliseconds. */
  timings: Record<string, number>;
  /** CPU time the ingest spent parsing and segmenting, in milliseconds. */
  ingestCpu: { parse: number; segment: number };
}

export function buildReport(result: BuildResult): BuildReport {
  const { pages } = result.ingest;
  return {
    articles: result.ingest.index.articles.length,
    pageFiles: pages.length,
    pagesParsed: pages.filter((page) => page.parsed).length,
    sitePages: result.render.pages.length,
    rendered: result.render.rendered,
    searchShards: result.search.shards,
    searchShardsRebuilt: result.search.rebuilt,
    searchSegmentsWritten: result.search.segmentsWritten,
    searchIndexBytesWritten: result.search.segmentBytesWritten,
    exportPagesSerialised: result.exported.serialised,
    compiled: result.compiled,
    timings: result.timings,
    ingestCpu: {
      parse: pages.reduce((sum, page) => sum + page.cpu.parse, 0),
      segment: pages.reduce((sum, page) => sum + page.cpu.segment, 0),
    },
  };
}

/** The compiled site is shared by every build of this project: it depends on the templates only. */
export const ASTRO_DIR = path.join(ROOT, '.cache', 'astro');

export async function buildArchive({ seedsDir, outDir, cacheDir }: BuildOptions): Promise<BuildResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  // The compiled site reads the archive from here, in the render workers too.
  process.env.ARCHIVE_CACHE_DIR = cacheDir;

  // The site's templates do not depend on the pages: they compile while the pages are parsed.
  const compiling = timed('compile', () => compileSite(ASTRO_DIR, path.join(ROOT, '.cache')));
  compiling.catch(() => undefined);
  const ingested = await timed('ingest', () => ingest({ seedsDir, config, cacheDir }));
  await timed('index', () => writeIndex(cacheDir, ingested.index));
  const compiled = await compiling;
  // The sitemap needs the site's paths only: it is written while the pages render.
  let planned: (paths: string[]) => void = () => undefined;
  const sitePaths = new Promise<string[]>((resolve) => (planned = resolve));
  const rendering = timed('render', () =>
    renderSite({
      view: new ArchiveView(ingested.index, config.publications),
      astroDir: ASTRO_DIR,
      outDir,
      cacheDir,
      site: config.site,
      base: config.base,
      onPlanned: planned,
    }),
  );
  // The open data is read from the cache while pages render. The search shards build in processes
  // of their own: one shard (a day added) builds beside the render workers; more wait for them
  // to finish, so that the render workers and the shard processes do not share the memory.
  const [render, search, exported] = await Promise.all([
    rendering,
    timed('search', () =>
      writeSearchIndex(outDir, cacheDir, ingested.index, {
        beforeBuilding: async (shards) => {
          if (shards <= 1) return;
          const waitStart = performance.now();
          await rendering;
          // The search stage's time is its own work, not the wait.
          timings.search = (timings.search ?? 0) - (performance.now() - waitStart);
        },
      }),
    ),
    timed('export', () => writeExport(outDir, cacheDir, ingested.pages)),
    sitePaths.then((paths) =>
      timed('sitemap', () =>
        writeSitemap(
          outDir,
          paths.filter((sitePath) => sitePath.endsWith('/')),
        ),
      ),
    ),
  ]);
  // Only pages written by this build can have new links: a page links elsewhere only through its model, and a
  // page whose model changed was written again. The renderer collected their links as it wrote them.
  const { broken, problems } = await timed('verify', async () => ({
    broken: await checkCollectedLinks(outDir, render.links),
    problems: await checkIntegrity({
      outDir,
      pages: render.pages,
      base: config.base,
      site: config.site,
      articles: ingested.index.articles,
      searchResults: search.results,
    }),
  }));
  return { ingest: ingested, render, search, exported, compiled, broken, problems, timings };
}
