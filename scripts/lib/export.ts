/**
 * The open-data API written beside the site: every article as typed by the article schema
 * (dist/api/articles.json), and each page file's metadata, furniture and leftovers
 * (dist/api/pages.json). One record per line keeps the files streamable and diffable;
 * pages are read from the cache one at a time, so memory does not grow with the archive.
 *
 * Pages come in the order they were printed, day by day, and a page's records sit together
 * in each file. The cache folder's export manifest says where, so the next build copies an
 * unchanged page's bytes from the files it wrote instead of reading and serialising the page
 * again: adding a day reads only that day. When the pages that changed all come after the
 * last build's (a day added), their records are written over the files' ends in place: a day
 * does not copy 160 MB at 50,000 articles.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { compareArchiveOrder } from '../../src/lib/site/archive-view';
import { digestFiles, writeFileWhole } from './files';
import { readPageResult, type PageOutcome, type PageResult } from './ingest';

const MANIFEST = 'export-manifest.json';

/** How an exported file frames its records: a JSON array, one page's records after another. */
const OPENING = '[\n';
const SEPARATOR = ',\n';
const CLOSING = '\n]\n';
const EMPTY = '[]\n';

/**
 * Page files in the order they were printed: by the date of their first article, and within
 * a day in archive order (paper, page); unreadable pages last. A day added to the archive
 * comes after every page before it, so its records go at the files' end.
 */
export function pagesInPrintOrder(pages: readonly PageOutcome[]): PageOutcome[] {
  return [...pages].sort((a, b) => {
    const [first, second] = [a.summaries[0], b.summaries[0]];
    if (first && second)
      return (
        (first.date < second.date ? -1 : first.date > second.date ? 1 : 0) ||
        compareArchiveOrder(first, second) ||
        (a.file < b.file ? -1 : 1)
      );
    if (first || second) return first ? -1 : 1;
    return a.file < b.file ? -1 : 1;
  });
}

/** A page's records in one exported file: their byte offset and length (0 when it has none). */
type Span = [offset: number, length: number];

/** An exported file as the last build left it: a copy is trusted only while its size and time are these. */
interface ExportedFile {
  size: number;
  mtimeMs: number;
  /** By page key (exportKey). */
  spans: Record<string, Span>;
}

type ExportName = 'articles' | 'pages';
const NAMES: readonly ExportName[] = ['articles', 'pages'];

interface ExportManifest {
  /** The export code's digest: spans written by other code are not copied. */
  format: string;
  /** By the exported file's path: one cache folder may serve builds into more than one folder. */
  files: Record<string, ExportedFile>;
}

/** The export code's digest: a change to how records are written must not copy records written the old way. */
async function exportFormat(): Promise<string> {
  const code = fileURLToPath(import.meta.url);
  return (await digestFiles(path.dirname(code), [path.basename(code)])).slice(0, 16);
}

/** The last build's manifest, or an empty one when it is missing, damaged or from other export code. */
async function readManifest(file: string, format: string): Promise<ExportManifest> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as ExportManifest;
    if (manifest.format === format && typeof manifest.files === 'object' && manifest.files) return manifest;
  } catch {
    // Missing or cut short: nothing is copied, and the export is written from the parse cache.
  }
  return { format, files: {} };
}

/**
 * What a page's exported records depend on: its cached parse (the cache file is named by the
 * page's bytes, manifest entry and parsing code) and what this build said of it.
 */
function exportKey(page: PageOutcome): string {
  return createHash('sha256')
    .update(page.cacheFile)
    .update('\0')
    .update(JSON.stringify([page.ok, page.messages]))
    .digest('hex')
    .slice(0, 24);
}

function pageRecord(page: PageOutcome, result: PageResult): unknown {
  return {
    file: result.file,
    // The outcome, not the cached parse, says whether the page is in the site (a duplicate is not).
    ok: page.ok,
    ...(result.encoding ? { encoding: result.encoding } : {}),
    ...(result.meta ? { meta: result.meta } : {}),
    articleIds: page.ok ? result.articles.map((article) => article.id) : [],
    furniture: result.furniture,
    leftovers: result.leftovers,
    messages: page.messages.map(({ level, line, text }) => ({ level, line, text })),
  };
}

/** The most a single copy from the last export reads into memory. */
const COPY_BYTES = 4 * 1024 * 1024;

/**
 * A JSON array written a page's records at a time, one record per line. Pages copied from
 * the last export that sit one after another there are copied in one read.
 */
class SpannedArrayWriter {
  private readonly stream;
  private written = 0;
  readonly spans: Record<string, Span> = {};
  /** Copies not yet made: a stretch of the last export, and the pages in it. */
  private run: { from: number; to: number; pages: Array<[key: string, offset: number, length: number]> } | undefined;

  /** A write error (a full disk, say) the stream reported while nothing waited on it. */
  private failure: Error | undefined;

  constructor(
    file: string,
    private readonly previous: PreviousFile | undefined,
  ) {
    this.stream = createWriteStream(file);
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  private async write(bytes: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.written += bytes.length;
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }

  /** Gives up the file: its handle is closed, whatever was written. */
  async destroy(): Promise<void> {
    if (this.stream.closed) return;
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy();
    await closed;
  }

  /** Starts the array, or separates the next records from those before. */
  private separate(): Promise<void> {
    return this.write(Buffer.from(this.written === 0 ? OPENING : SEPARATOR));
  }

  async copy(key: string): Promise<void> {
    const [offset, length] = this.previous!.span(key)!;
    if (length === 0) {
      this.spans[key] = [0, 0];
      return;
    }
    const run = this.run;
    if (run && run.to + SEPARATOR.length === offset && run.to - run.from < COPY_BYTES) {
      run.to = offset + length;
      run.pages.push([key, offset, length]);
      return;
    }
    await this.flush();
    this.run = { from: offset, to: offset + length, pages: [[key, offset, length]] };
  }

  /** A page's records, one JSON text per line, without the separators around them. */
  async add(key: string, records: Buffer): Promise<void> {
    await this.flush();
    if (records.length === 0) {
      this.spans[key] = [0, 0];
      return;
    }
    await this.separate();
    this.spans[key] = [this.written, records.length];
    await this.write(records);
  }

  private async flush(): Promise<void> {
    const run = this.run;
    if (!run) return;
    this.run = undefined;
    const bytes = await this.previous!.read(run.from, run.to);
    await this.separate();
    const start = this.written;
    for (const [key, offset, length] of run.pages) this.spans[key] = [start + offset - run.from, length];
    await this.write(bytes);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.write(Buffer.from(this.written === 0 ? EMPTY : CLOSING));
    this.stream.end();
    await once(this.stream, 'finish');
    if (this.failure) throw this.failure;
  }
}

/** The file the last build wrote, if it is still as that build left it. */
async function openPrevious(entry: ExportedFile | undefined, file: string): Promise<PreviousFile | undefined> {
  if (!entry) return undefined;
  const stats = await stat(file).catch(() => undefined);
  if (!stats || stats.size !== entry.size || stats.mtimeMs !== entry.mtimeMs) return undefined;
  return new PreviousFile(file, await open(file, 'r'), entry.spans);
}

class PreviousFile {
  constructor(
    private readonly file: string,
    private readonly handle: FileHandle,
    private readonly spans: Record<string, Span>,
  ) {}

  span(key: string): Span | undefined {
    return Object.hasOwn(this.spans, key) ? this.spans[key] : undefined;
  }

  async read(from: number, to: number): Promise<Buffer> {
    const bytes = Buffer.alloc(to - from);
    const { bytesRead } = await this.handle.read(bytes, 0, bytes.length, from);
    if (bytesRead !== bytes.length) throw new Error(`${this.file} changed while it was copied from`);
    return bytes;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

type PreviousFiles = Record<ExportName, PreviousFile | undefined>;

/** Whether the last export holds the page's records in every file, so that they can be copied rather than read again. */
function heldByLastExport(previous: PreviousFiles, key: string): boolean {
  return NAMES.every((name) => previous[name]?.span(key) !== undefined);
}

/** The pages whose records the last export holds where this one would write them: every file's first bytes to keep. */
interface KeptStart {
  /** How many of the pages, in archive order. */
  pages: number;
  /** Bytes of the file up to the end of their last record. */
  bytes: number;
  spans: Record<string, Span>;
}

/** At most this many pages are serialised into memory to be written over a file's end; more are written to a new file. */
const PAGES_WRITTEN_IN_PLACE = 1000;

/**
 * The pages at the start (keys in archive order) whose records sit in the last export
 * exactly where this export would write them (after `[\n`, each separated by `,\n`).
 */
function keptStart(keys: readonly string[], copyable: readonly boolean[], previous: PreviousFile): KeptStart {
  const kept: KeptStart = { pages: 0, bytes: 0, spans: {} };
  let next = OPENING.length;
  for (const [index, key] of keys.entries()) {
    const span = previous.span(key);
    if (!copyable[index] || !span) break;
    const [offset, length] = span;
    if (length > 0) {
      if (offset !== next) break;
      kept.bytes = offset + length;
      next = kept.bytes + SEPARATOR.length;
    }
    kept.spans[key] = span;
    kept.pages = index + 1;
  }
  return kept;
}

/** Writes the records of the pages after the kept ones over the end of the file, and the array's end; returns every page's span. */
async function writeEndInPlace(
  file: string,
  kept: KeptStart,
  records: ReadonlyArray<[key: string, records: Buffer]>,
): Promise<Record<string, Span>> {
  const spans = { ...kept.spans };
  const parts: Buffer[] = [];
  let end = kept.bytes;
  for (const [key, bytes] of records) {
    if (bytes.length === 0) {
      spans[key] = [0, 0];
      continue;
    }
    parts.push(Buffer.from(SEPARATOR), bytes);
    spans[key] = [end + SEPARATOR.length, bytes.length];
    end += SEPARATOR.length + bytes.length;
  }
  parts.push(Buffer.from(CLOSING));
  const tail = Buffer.concat(parts);
  const handle = await open(file, 'r+');
  try {
    await handle.write(tail, 0, tail.length, kept.bytes);
    await handle.truncate(kept.bytes + tail.length);
  } finally {
    await handle.close();
  }
  return spans;
}

/** A page's records in each exported file. */
async function serialise(cacheDir: string, page: PageOutcome): Promise<Record<ExportName, Buffer>> {
  const result = await readPageResult(cacheDir, page);
  const lines = page.ok ? result.articles.map((article) => JSON.stringify(article)) : [];
  return {
    articles: Buffer.from(lines.join(SEPARATOR)),
    pages: Buffer.from(JSON.stringify(pageRecord(page, result))),
  };
}

/**
 * A day added: when the last export holds every page before the first that changed exactly
 * where this one would write it, and none after it, the changed pages are serialised (a page
 * that cannot be read fails the export before anything is written) and written over the
 * files' ends. Undefined, with nothing written, when that is not so.
 */
async function writeInPlace(
  cacheDir: string,
  ordered: readonly PageOutcome[],
  files: Record<ExportName, string>,
  previous: PreviousFiles,
): Promise<{ spans: Record<ExportName, Record<string, Span>>; serialised: number } | undefined> {
  const { articles, pages } = previous;
  if (!articles || !pages) return undefined;
  const keys = ordered.map(exportKey);
  const copyable = keys.map((key) => heldByLastExport(previous, key));
  const kept = { articles: keptStart(keys, copyable, articles), pages: keptStart(keys, copyable, pages) };
  const from = kept.articles.pages;
  if (from !== kept.pages.pages || kept.articles.bytes === 0 || kept.pages.bytes === 0) return undefined;
  if (ordered.length - from > PAGES_WRITTEN_IN_PLACE || copyable.slice(from).some(Boolean)) return undefined;
  const records: Record<ExportName, Array<[string, Buffer]>> = { articles: [], pages: [] };
  for (let index = from; index < ordered.length; index++) {
    const serialised = await serialise(cacheDir, ordered[index]!);
    for (const name of NAMES) records[name].push([keys[index]!, serialised[name]]);
  }
  return {
    spans: {
      articles: await writeEndInPlace(files.articles, kept.articles, records.articles),
      pages: await writeEndInPlace(files.pages, kept.pages, records.pages),
    },
    serialised: ordered.length - from,
  };
}

export interface ExportStats {
  pages: number;
  /** Pages read from the parse cache and serialised in this run; the others were copied from the last export. */
  serialised: number;
}

export async function writeExport(
  outDir: string,
  cacheDir: string,
  pages: readonly PageOutcome[],
): Promise<ExportStats> {
  const apiDir = path.join(outDir, 'api');
  await mkdir(apiDir, { recursive: true });
  const manifestFile = path.join(cacheDir, MANIFEST);
  const manifest = await readManifest(manifestFile, await exportFormat());
  const files = { articles: path.join(apiDir, 'articles.json'), pages: path.join(apiDir, 'pages.json') };
  const previous = {
    articles: await openPrevious(manifest.files[files.articles], files.articles),
    pages: await openPrevious(manifest.files[files.pages], files.pages),
  };
  const closePrevious = async () => {
    for (const name of NAMES) await previous[name]?.close();
  };
  const ordered = pagesInPrintOrder(pages);
  const done = await writeInPlace(cacheDir, ordered, files, previous).catch(async (error: unknown) => {
    await closePrevious();
    throw error;
  });
  if (done) {
    await closePrevious();
    const next: ExportManifest = { format: manifest.format, files: { ...manifest.files } };
    for (const name of NAMES) {
      const { size, mtimeMs } = await stat(files[name]);
      next.files[files[name]] = { size, mtimeMs, spans: done.spans[name] };
    }
    await writeFileWhole(manifestFile, JSON.stringify(next));
    return { pages: pages.length, serialised: done.serialised };
  }
  // Written beside the old files, which are read while the new ones are written.
  const temporary = (name: ExportName) => `${files[name]}.${process.pid}.tmp`;
  const writers = {
    articles: new SpannedArrayWriter(temporary('articles'), previous.articles),
    pages: new SpannedArrayWriter(temporary('pages'), previous.pages),
  };
  let serialised = 0;
  const next: ExportManifest = { format: manifest.format, files: {} };
  try {
    try {
      for (const page of ordered) {
        const key = exportKey(page);
        if (heldByLastExport(previous, key)) {
          for (const name of NAMES) await writers[name].copy(key);
          continue;
        }
        const records = await serialise(cacheDir, page);
        for (const name of NAMES) await writers[name].add(key, records[name]);
        serialised++;
      }
      for (const name of NAMES) await writers[name].close();
    } finally {
      await closePrevious();
    }
    for (const name of NAMES) {
      await rename(temporary(name), files[name]);
      const { size, mtimeMs } = await stat(files[name]);
      next.files[files[name]] = { size, mtimeMs, spans: writers[name].spans };
    }
  } catch (error) {
    // No half-written file is left in the published folder.
    for (const name of NAMES) {
      await writers[name].destroy();
      await rm(temporary(name), { force: true });
    }
    throw error;
  }
  for (const [file, entry] of Object.entries(manifest.files))
    if (!(file in next.files) && existsSync(file)) next.files[file] = entry;
  await writeFileWhole(manifestFile, JSON.stringify(next));
  return { pages: pages.length, serialised };
}
