/**
 * Pagefind writes its filter indexes in hash-map order, which changes from one run to the
 * next, and names them (and the metadata that lists them) by their bytes: the same
 * records would give different files every build. Sorting them gives the same bytes for
 * the same records.
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

/** The bundle's files with the filter indexes sorted, and files renamed to match. */
export function sortPagefindFilters(files: readonly PagefindFile[], language: string): PagefindFile[] {
  const renamed = new Map<string, string>();
  const result: PagefindFile[] = [];
  for (const file of files) {
    const match = /^filter\/(.+)\.pf_filter$/u.exec(file.path);
    if (!match) continue;
    // [filter name, [[value, [page numbers]], …]]
    const [name, values] = unpack(file) as [string, CborValue[]];
    const { content, digest } = pack([name, [...values].sort(byFirstString)]);
    const hash = `${language}_${digest.slice(0, 7)}`;
    renamed.set(match[1]!, hash);
    result.push({ path: `filter/${hash}.pf_filter`, content });
  }
  let metaHash: string | undefined;
  let filtersListed = false;
  for (const file of files) {
    if (file.path.startsWith('filter/')) continue;
    if (!/^pagefind\..+\.pf_meta$/u.test(file.path)) {
      result.push(file);
      continue;
    }
    const meta = (unpack(file) as CborValue[]).map((field) => {
      // The list of [filter name, filter file hash]: point it at the new files, in name order.
      const isFilterList =
        Array.isArray(field) &&
        field.length > 0 &&
        field.every((entry) => Array.isArray(entry) && entry.length === 2 && renamed.has(String(entry[1])));
      if (!isFilterList) return field;
      filtersListed = true;
      return (field as CborValue[][])
        .map(([filter, hash]) => [filter!, renamed.get(String(hash))!])
        .sort(byFirstString);
    });
    const { content, digest } = pack(meta);
    metaHash = `${language}_${digest.slice(0, 13)}`;
    result.push({ path: `pagefind.${metaHash}.pf_meta`, content });
  }
  if (renamed.size > 0 && !filtersListed) throw new Error('the Pagefind metadata does not list the bundle’s filters');
  return result.map((file) => {
    if (file.path !== 'pagefind-entry.json' || !metaHash) return file;
    const entry = JSON.parse(Buffer.from(file.content).toString('utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    entry.languages[language]!.hash = metaHash;
    return { path: file.path, content: Buffer.from(JSON.stringify(entry)) };
  });
}
