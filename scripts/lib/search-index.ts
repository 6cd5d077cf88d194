/**
 * The search index: the archive in shards of whole months (src/lib/search/records.ts), each
 * built by scripts/search-shard.ts in a process of its own, two at a time, into cached
 * postings and the shard's display files. A shard is rebuilt only when one of its articles,
 * or the search code, changed. Consecutive shards make up the segments of the word index
 * under dist/search/postings/ (src/lib/search/postings.ts); a segment is put together
 * again only when one of its shards changed. dist/search/index.json tells the search page
 * what there is.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ArchiveIndex } from '../../src/lib/archive-index';
import { planSegments, planShards } from '../../src/lib/search/records';
import { listLargeFiles, POSTINGS_DIR, segmentFilesFor, shardName } from '../../src/lib/search/postings';
import { primarySection } from '../../src/lib/search/record';
import { HEADLINE_REGION, SLOT_WIDTH } from '../../src/lib/search/tokens';
import type { ShardJob, ShardOutput } from '../search-shard';
import type { SearchIndexInfo } from '../../src/lib/search/index-info';
import { ROOT } from './paths';
import { bundleScript } from './bundle-script';
import { defaultWorkers } from './worker-pool';
import { shardBlobBytes, writeSegment, type SegmentKept } from './postings-files';
import { conversionTable } from './traditional';
import { packCharSet } from '../../src/lib/search/char-set';

const run = promisify(execFile);
const MANIFEST = 'search-manifest.json';
/** What the search page reads first; `version` changes with the index's layout. */
export const SEARCH_INDEX_FILE = 'search/index.json';
/** Traditional → simplified readings, loaded by the search page when a query needs them. */
export const TRADITIONAL_FILE = 'search/t2s.json';

/** Code whose change must rebuild every shard. */
const SEARCH_CODE = [
  'src/lib/search',
  'scripts/search-shard.ts',
  'scripts/lib/traditional.ts',
  'node_modules/opencc-js/package.json',
];

/** What the index keeps of each shard between builds, besides its files in dist. */
type ShardSummary = Pick<ShardOutput, 'records' | 'convertibleChars' | 'overflowRecords'>;

interface WrittenSegment {
  /** Its shards' digests, in order. */
  shards: string[];
  /** Each file's size. */
  sizes: number[];
}

interface SearchManifest {
  shards: Record<string, { digest: string } & ShardSummary>;
  /** Each segment as written, by its folder's name. */
  segments?: Record<string, WrittenSegment>;
}

export interface SearchIndexStats {
  shards: number;
  rebuilt: number;
  /** Segments of the word index written, whole or from where their shards changed. */
  segmentsWritten: number;
  /** Bytes of the word index written. */
  segmentBytesWritten: number;
  articles: number;
  /** The results the rebuilt shards lead to (display file and URL), for the build's check. */
  results: ShardOutput['results'];
}

async function codeDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of SEARCH_CODE) {
    const full = path.join(ROOT, entry);
    const files =
      existsSync(full) && !full.endsWith('.json') && !full.endsWith('.ts')
        ? (await readdir(full, { recursive: true, withFileTypes: true }))
            .filter((item) => item.isFile())
            .map((item) => path.join(item.parentPath, item.name))
            .sort()
        : [full];
    for (const file of files) hash.update(path.relative(ROOT, file)).update(await readFile(file).catch(() => ''));
  }
  return hash.digest('hex');
}

/** Builds one shard in a process of its own, running `script` (scripts/search-shard.ts, bundled). */
async function buildShardInProcess(script: URL, job: ShardJob, jobDir: string): Promise<ShardOutput> {
  const jobFile = path.join(jobDir, `${job.shardId}.json`);
  await writeFile(jobFile, JSON.stringify(job));
  const { stdout, stderr } = await run(process.execPath, [fileURLToPath(script), jobFile], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  // SHARD_TIMINGS=1 makes the shard print its stages' times.
  if (stderr) process.stderr.write(`shard ${job.shardId}: ${stderr}`);
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ShardOutput;
}

export interface SearchIndexOptions {
  /** Called once the shards to rebuild are known; building waits for what it returns. */
  beforeBuilding?: (shardsToBuild: number) => Promise<unknown>;
}

export async function writeSearchIndex(
  outDir: string,
  cacheDir: string,
  index: ArchiveIndex,
  { beforeBuilding }: SearchIndexOptions = {},
): Promise<SearchIndexStats> {
  const manifestFile = path.join(cacheDir, MANIFEST);
  const previous: SearchManifest = JSON.parse(await readFile(manifestFile, 'utf8').catch(() => '{"shards":{}}'));
  const code = await codeDigest();
  const digests = new Map(index.articles.map((article) => [article.id, article.digest]));
  const cacheFiles = new Map(index.articles.map((article) => [article.id, index.pageFiles[article.file] ?? '']));
  const shards = planShards(index.articles);
  const postingsFile = (shardId: string) => path.join(cacheDir, 'search-postings', `${shardId}.bin`);

  const next: SearchManifest = { shards: {} };
  const jobs: ShardJob[] = [];
  for (const shard of shards) {
    const digest = createHash('sha256')
      .update(code)
      .update(shard.id)
      .update(shard.articleIds.map((id) => `${id}:${digests.get(id)}`).join('\n'))
      .digest('hex');
    const known = previous.shards[shard.id];
    if (
      known?.digest === digest &&
      existsSync(postingsFile(shard.id)) &&
      existsSync(path.join(outDir, 'search', 'shards', `${shard.id}.json`))
    ) {
      next.shards[shard.id] = known;
      continue;
    }
    next.shards[shard.id] = { digest, records: [], convertibleChars: '', overflowRecords: [] };
    jobs.push({
      shardId: shard.id,
      postingsFile: postingsFile(shard.id),
      articles: shard.articleIds.map((id) => ({ id, cacheFile: cacheFiles.get(id)! })),
      cacheDir,
      outDir,
    });
  }

  await beforeBuilding?.(jobs.length);
  for (const id of Object.keys(previous.shards)) {
    if (!(id in next.shards)) {
      await rm(postingsFile(id), { force: true });
      await rm(path.join(outDir, 'search', 'shards', `${id}.json`), { force: true });
    }
  }

  const jobDir = path.join(cacheDir, 'search-jobs');
  await mkdir(jobDir, { recursive: true });
  // Bundled (once, when a shard is built), as each shard is a process of its own: through tsx, each took half a second more to start.
  let bundled: Promise<URL> | undefined;
  const script = () => (bundled ??= bundleScript(new URL('../search-shard.ts', import.meta.url), jobDir));
  const queue = [...jobs];
  const results: ShardOutput['results'] = [];
  const workers = defaultWorkers();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const {
          results: written,
          records,
          convertibleChars,
          overflowRecords,
        } = await buildShardInProcess(await script(), job, jobDir);
        Object.assign(next.shards[job.shardId]!, { records, convertibleChars, overflowRecords });
        results.push(...written);
      }
    }),
  );
  await rm(jobDir, { recursive: true, force: true });

  // Display files that rebuilt or vanished shards left behind and did not write again. They are
  // overwritten in place rather than removed first: a new day rewrites most of its shard's files.
  const textDir = path.join(outDir, 'search', 'text');
  const stale = new Set([
    ...jobs.map((job) => job.shardId),
    ...Object.keys(previous.shards).filter((id) => !(id in next.shards)),
  ]);
  if (stale.size > 0 && existsSync(textDir)) {
    // Display files are named after their record, whose name begins with the shard's.
    const prefixes = [...stale].map((id) => `${shardName(id)}_`);
    const rewritten = new Set(results.map((result) => result.file));
    for (const name of await readdir(textDir)) {
      if (!rewritten.has(name) && prefixes.some((prefix) => name.startsWith(prefix)))
        await rm(path.join(textDir, name), { force: true });
    }
  }

  // A segment's folder is named by its shards' digests, so that its files can be cached for good.
  const segments = await Promise.all(
    planSegments(shards).map(async (members) => {
      const digests = members.map((shard) => next.shards[shard.id]!.digest);
      const sizes = await Promise.all(
        members.map(async (shard) => ({
          articles: shard.articleIds.length,
          bytes: await shardBlobBytes(postingsFile(shard.id)),
        })),
      );
      return {
        id: createHash('sha256').update(digests.join('\n')).digest('hex').slice(0, 16),
        digests,
        files: segmentFilesFor(sizes),
        shards: members,
      };
    }),
  );
  const postingsDir = path.join(outDir, POSTINGS_DIR);
  const onDisk = new Set(existsSync(postingsDir) ? await readdir(postingsDir) : []);
  const written = previous.segments ?? {};
  // Entries of older builds may lack sizes: their folders are written again.
  const usable = (id: string, files: number) => onDisk.has(id) && written[id]?.sizes?.length === files;
  const unchanged = new Set(segments.filter((segment) => usable(segment.id, segment.files)).map(({ id }) => id));
  // A changed segment continues the folder of the last build that shares the most of its first shards.
  const continued = new Map<string, SegmentKept>();
  const taken = new Set(unchanged);
  for (const segment of segments) {
    if (unchanged.has(segment.id)) continue;
    let best: { id: string; kept: SegmentKept } | undefined;
    for (const [id, known] of Object.entries(written)) {
      if (taken.has(id) || !usable(id, segment.files)) continue;
      let shared = 0;
      while (shared < known.shards.length && known.shards[shared] === segment.digests[shared]) shared++;
      if (shared > (best?.kept.shards ?? 0)) best = { id, kept: { shards: shared, sizes: known.sizes } };
    }
    if (!best) continue;
    onDisk.delete(best.id);
    taken.add(best.id);
    await rm(path.join(postingsDir, segment.id), { recursive: true, force: true });
    await rename(path.join(postingsDir, best.id), path.join(postingsDir, segment.id));
    continued.set(segment.id, best.kept);
  }
  const planned = new Set(segments.map((segment) => segment.id));
  for (const name of onDisk) {
    if (!planned.has(name)) await rm(path.join(postingsDir, name), { recursive: true, force: true });
  }
  let segmentsWritten = 0;
  let segmentBytesWritten = 0;
  next.segments = {};
  for (const segment of segments) {
    const known = written[segment.id];
    if (known && !continued.has(segment.id) && usable(segment.id, segment.files)) {
      next.segments[segment.id] = known;
      continue;
    }
    const result = await writeSegment(
      outDir,
      segment.id,
      segment.shards.map((shard) => postingsFile(shard.id)),
      segment.files,
      continued.get(segment.id),
    );
    next.segments[segment.id] = { shards: segment.digests, sizes: result.sizes };
    segmentsWritten++;
    segmentBytesWritten += result.written;
  }
  // Left by builds from before the archive had its own word index, and from before its headlines were in it.
  await rm(path.join(outDir, 'pagefind'), { recursive: true, force: true });
  await rm(path.join(outDir, 'search', 'headlines'), { recursive: true, force: true });

  await mkdir(path.join(outDir, 'search'), { recursive: true });
  const summaries = Object.values(next.shards);
  const distinct = (values: string[]) => [...new Set(values)].sort();
  const conversions = conversionTable();
  const facets = {
    publication: distinct(index.articles.map((article) => article.publication)),
    section: distinct(index.articles.map(primarySection)),
    year: distinct(index.articles.map((article) => article.date.slice(0, 4))),
  };
  const searchIndex: SearchIndexInfo = {
    version: 5,
    slotWidth: SLOT_WIDTH,
    headlineRegion: HEADLINE_REGION,
    articles: index.articles.length,
    shards: shards.map((shard) => ({
      id: shard.id,
      articles: shard.articleIds.length,
      records: next.shards[shard.id]!.records.map(([publication, section, year]): [number, number, number] => [
        facets.publication.indexOf(publication),
        facets.section.indexOf(section),
        facets.year.indexOf(year),
      ]),
    })),
    segments: segments.map(({ id, files }) => ({ id, files, largeFiles: listLargeFiles(next.segments![id]!.sizes) })),
    overflowRecords: summaries.flatMap((shard) => shard.overflowRecords).sort(),
    facets,
    traditionalChars: packCharSet(Object.keys(conversions)),
  };
  await writeFile(path.join(outDir, SEARCH_INDEX_FILE), `${JSON.stringify(searchIndex)}\n`);
  const archiveChars = [
    ...new Set(Object.values(next.shards).flatMap((shard) => [...(shard.convertibleChars ?? '')])),
  ].sort();
  await writeFile(
    path.join(outDir, TRADITIONAL_FILE),
    `${JSON.stringify({ conversions, archiveChars: archiveChars.join('') })}\n`,
  );
  await writeFile(manifestFile, JSON.stringify(next));
  return {
    shards: shards.length,
    rebuilt: jobs.length,
    segmentsWritten,
    segmentBytesWritten,
    articles: index.articles.length,
    results,
  };
}
