/**
 * npm run parse -- <page file>: prints one page's articles as JSON, for a maintainer
 * checking how a new page reads. Metadata comes from the manifest.json in the file's own
 * folder (seeds/manifest.json for seeds/…) when it lists the file, else it is inferred.
 * Warnings go to stderr.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import config from '../archive.config';
import { ingestPage, readManifest } from './lib/ingest';
import { formatMessage } from './lib/report';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run parse -- <page file>');
  process.exit(1);
}
const manifest = await readManifest(path.dirname(path.resolve(file)), config);
const name = path.basename(file);
let bytes: Buffer;
try {
  bytes = await readFile(file);
} catch (error) {
  console.error(`error: ${file}: ${(error as Error).message}`);
  process.exit(1);
}
const page = ingestPage(name, bytes, manifest.entries.get(name)?.entry, config);
for (const message of page.messages) console.error(formatMessage(message, path.dirname(file)));
const { articles, furniture, leftovers, meta } = page;
console.log(JSON.stringify({ file: name, meta, articles, furniture, leftovers }, null, 2));
process.exitCode = page.ok ? 0 : 2;
