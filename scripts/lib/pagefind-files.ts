/**
 * Rewrites of a Pagefind bundle before it is written. Pagefind writes its filter indexes in
 * hash-map order, which changes from one run to the next, and names them (and the
 * metadata that lists them) by their bytes: the same records would give different files
 * every build. Sorting them gives the same bytes for the same records. And its word
 * index chunks are renamed so that the metadata listing them is smaller.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor, type CborValue } from './cbor';

export interface PagefindFile {
  /** Relative to the bundle: "filter/<lang>_<hash>.pf_filter", "pagefind.<lang>_<hash>.pf_meta"… */
  path: string;
  content: Uint8Array;
}

const SIGNATURE = Buffer.from('pagefind_dcd');

function unpack(file: PagefindFile): CborValue {
  const data = gunzipSync(file.content);
  if (!data.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file.path}: not a Pagefind data file`);
  const cbor = data.subarray(SIGNATURE.length);
  const value = decodeCbor(cbor);
  // Only rewrite what this reader understands completely.
  if (!Buffer.from(encodeCbor(value)).equals(cbor)) throw new Error(`${file.path}: unexpected CBOR encoding`);
  return value;
}

function pack(value: CborValue): { content: Uint8Array; digest: string } {
  const cbor = encodeCbor(value);
  return {
    content: gzipSync(Buffer.concat([SIGNATURE, cbor]), { level: 9 }),
    digest: createHash('sha256').update(cbor).digest('hex'),
  };
}

const byFirstString = (a: CborValue, b: CborValue) => {
  const [x, y] = [String((a as CborValue[])[0]), String((b as CborValue[])[0])];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * The bundle with its metadata rewritten field by field (and renamed by its new bytes, in
 * the entry file too). Each field goes through `rewrite`, which returns it unchanged or
 * its replacement.
 */
function rewriteMeta(
  files: readonly PagefindFile[],
  language: string,
  rewrite: (field: CborValue) => CborValue,
): PagefindFile[] {
  let metaHash: string | undefined;
  const result = files.map((file) => {
    if (!/^pagefind\..+\.pf_meta$/u.test(file.path)) return file;
    const { content, digest } = pack((unpack(file) as CborValue[]).map(rewrite));
    metaHash = `${language}_${digest.slice(0, 13)}`;
    return { path: `pagefind.${metaHash}.pf_meta`, content };
  });
  if (!metaHash) throw new Error('the Pagefind bundle has no metadata');
  return result.map((file) => {
    if (file.path !== 'pagefind-entry.json') return file;
    const entry = JSON.parse(Buffer.from(file.content).toString('utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    entry.languages[language]!.hash = metaHash!;
    return { path: file.path, content: Buffer.from(JSON.stringify(entry)) };
  });
}

/** Whether a metadata field is the list of entries naming each of these files (its last element). */
function listsFiles(field: CborValue, names: ReadonlyMap<string, unknown>, entryLength: number): boolean {
  return (
    Array.isArray(field) &&
    field.length > 0 &&
    field.every(
      (entry) => Array.isArray(entry) && entry.length === entryLength && names.has(String(entry[entryLength - 1])),
    )
  );
}

/** The bundle's files with the filter indexes sorted, and files renamed to match. */
export function sortPagefindFilters(files: readonly PagefindFile[], language: string): PagefindFile[] {
  const renamed = new Map<string, string>();
  const result: PagefindFile[] = [];
  for (const file of files) {
    const match = /^filter\/(.+)\.pf_filter$/u.exec(file.path);
    if (!match) {
      result.push(file);
      continue;
    }
    // [filter name, [[value, [page numbers]], …]]
    const [name, values] = unpack(file) as [string, CborValue[]];
    const { content, digest } = pack([name, [...values].sort(byFirstString)]);
    const hash = `${language}_${digest.slice(0, 7)}`;
    renamed.set(match[1]!, hash);
    result.push({ path: `filter/${hash}.pf_filter`, content });
  }
  if (renamed.size === 0) return result;
  let filtersListed = false;
  const rewritten = rewriteMeta(result, language, (field) => {
    // The list of [filter name, filter file hash]: point it at the new files, in name order.
    if (!listsFiles(field, renamed, 2)) return field;
    filtersListed = true;
    return (field as CborValue[][]).map(([filter, hash]) => [filter!, renamed.get(String(hash))!]).sort(byFirstString);
  });
  if (!filtersListed) throw new Error('the Pagefind metadata does not list the bundle’s filters');
  return rewritten;
}

/**
 * The bundle with its word index chunks renamed by their order, in a folder named by all
 * their bytes: "index/<digest>/1f.pf_index" instead of "index/<lang>_<hash>.pf_index".
 * The metadata names every chunk (over 1,700 in a shard of 2,000 articles) and a first
 * query loads every shard's metadata; numbers in one folder cost gzip far fewer bytes
 * than a hash each (about 13 KB a shard instead of 18 KB), and the folder's digest keeps
 * the names changing with the content, so that a browser never mixes chunks of two builds.
 */
export function numberIndexChunks(files: readonly PagefindFile[], language: string): PagefindFile[] {
  const chunkName = (file: PagefindFile) => /^index\/([^/]+)\.pf_index$/u.exec(file.path)?.[1];
  const chunks = files.filter(chunkName);
  if (chunks.length === 0) return [...files];
  const byName = new Map(chunks.map((file) => [chunkName(file)!, file]));
  const folder = createHash('sha256');
  for (const file of [...chunks].sort((a, b) => (a.path < b.path ? -1 : 1))) folder.update(file.content);
  const prefix = folder.digest('hex').slice(0, 8);
  const renamed = new Map<string, string>();
  let chunksListed = false;
  const rewritten = rewriteMeta(files, language, (field) => {
    // The list of [first word, last word, chunk hash], in word order.
    if (!listsFiles(field, byName, 3)) return field;
    chunksListed = true;
    return (field as CborValue[][]).map(([from, to, hash], number) => {
      const name = `${prefix}/${number.toString(36)}`;
      renamed.set(String(hash), name);
      return [from!, to!, name];
    });
  });
  if (!chunksListed || renamed.size !== byName.size)
    throw new Error('the Pagefind metadata does not list every chunk of the word index');
  return rewritten.map((file) => {
    const name = chunkName(file);
    return name ? { path: `index/${renamed.get(name)}.pf_index`, content: file.content } : file;
  });
}
