/** The sitemap: every HTML page of the site, split into files of 45,000 URLs under a sitemap index. */
import { createWriteStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { SitemapAndIndexStream, SitemapStream } from 'sitemap';
import { absoluteUrl } from '../../src/lib/site/urls';

const LIMIT = 45_000;

/** Writes sitemap-index.xml and sitemap-N.xml for the given site paths (in a stable order). */
export async function writeSitemap(outDir: string, sitePaths: readonly string[]): Promise<void> {
  for (const name of await readdir(outDir)) {
    if (/^sitemap-(\d+|index)\.xml$/u.test(name)) await rm(path.join(outDir, name));
  }
  const files: Array<ReturnType<typeof createWriteStream>> = [];
  const index = new SitemapAndIndexStream({
    limit: LIMIT,
    getSitemapStream: (number: number) => {
      const name = `sitemap-${number}.xml`;
      const sitemap = new SitemapStream();
      const file = createWriteStream(path.join(outDir, name));
      files.push(file);
      sitemap.pipe(file);
      return [absoluteUrl(`/${name}`), sitemap, file];
    },
  });
  const out = createWriteStream(path.join(outDir, 'sitemap-index.xml'));
  index.pipe(out);
  for (const sitePath of [...sitePaths].sort()) index.write({ url: absoluteUrl(sitePath) });
  index.end();
  await once(out, 'finish');
  await Promise.all(files.map((file) => (file.writableFinished ? undefined : once(file, 'finish'))));
}
