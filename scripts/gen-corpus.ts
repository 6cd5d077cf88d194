/**
 * npm run gen:corpus -- --articles N [--seed S] [--out corpus/N] [--from 2016-01-01]
 * npm run gen:corpus -- --append-day --out corpus/N   (adds the next day's issues to a corpus)
 *
 * Writes N articles' worth of page files and a manifest, for benchmarks and scale tests
 * (never for the published site): daily issues of the configured papers, 8 pages each,
 * 5–10 articles a page, built from the real pages' structure and vocabulary — their
 * headlines, sentences and bylines shuffled, with names and numbers varied. The same
 * seed always writes the same corpus. Prints how many articles it wrote.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import config from '../archive.config';
import { parsePage } from '../src/lib/parser';
import { ROOT, SEEDS_DIR } from './lib/paths';
import { listPageFiles } from './lib/ingest';
import { seededRandom } from './lib/seeded-random';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    from: { type: 'string', default: '2016-01-01' },
    'append-day': { type: 'boolean', default: false },
  },
});
const appendDay = values['append-day'];
const total = Number(values.articles);
if (!Number.isInteger(total) || total < 1) throw new Error('--articles must be a positive whole number');
const outDir = path.resolve(ROOT, values.out ?? `corpus/${total}`);

let next = seededRandom(Number(values.seed));
const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));

/** The real pages' vocabulary: headlines, sentences, names. */
async function vocabulary() {
  const headlines: string[] = [];
  const kickers: string[] = [];
  const sentences: string[] = [];
  const captions: string[] = [];
  const names = new Set<string>();
  for (const file of await listPageFiles(SEEDS_DIR)) {
    const text = await readFile(path.join(SEEDS_DIR, file), 'utf8');
    const meta = {
      file,
      publication: '',
      publicationId: 'x',
      date: '2026',
      datePrecision: 'year' as const,
      metadataOrigin: 'inferred' as const,
      page: { key: 'x' },
    };
    for (const article of parsePage(text, meta).articles) {
      headlines.push(article.headline);
      if (article.kicker) kickers.push(article.kicker);
      for (const role of ['reporters', 'correspondents', 'photographers', 'authors'] as const) {
        for (const name of article.byline[role]) names.add(name);
      }
      for (const paragraph of article.paragraphs) {
        if (paragraph.type === 'caption') captions.push(paragraph.text);
        if (paragraph.type !== 'text') continue;
        sentences.push(...(paragraph.text.match(/[^。!?]+[。!?]+[”’]?/gu) ?? []));
      }
    }
  }
  return { headlines, kickers, sentences, captions, names: [...names] };
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅琳晨欣怡浩宇轩婷雪佳慧颖'];
const PAGE_NAMES: Record<string, string> = {
  要闻: 'YAOWEN',
  综合: 'ZONGHE',
  城事: 'CHENGSHI',
  经济: 'JINGJI',
  民生: 'MINSHENG',
  文化: 'WENHUA',
  评论: 'PINGLUN',
  体育: 'TIYU',
  两会新声: 'LIANGHUIXINSHENG',
  区县: 'QUXIAN',
};

function personName(known: readonly string[]): string {
  if (next() < 0.5) return pick(known);
  return pick(SURNAMES) + pick(GIVEN) + (next() < 0.6 ? pick(GIVEN) : '');
}

/** Varies the numbers in a sentence, keeping its shape. */
function varyNumbers(text: string): string {
  return text.replace(/\d+/gu, (digits) => String(between(1, 10 ** Math.min(digits.length, 6) - 1)));
}

function paragraph(sentences: readonly string[]): string {
  return Array.from({ length: between(1, 4) }, () => varyNumbers(pick(sentences))).join('');
}

/** One article as printed: decks, a byline, a dateline and paragraphs, sometimes split by a column break. */
function article(words: Awaited<ReturnType<typeof vocabulary>>, kind: 'news' | 'photo'): string[] {
  const blocks: string[] = [];
  const headline = `${varyNumbers(pick(words.headlines))}${next() < 0.3 ? ` ${pick(words.headlines).slice(0, between(4, 10))}` : ''}`;
  if (kind === 'photo') {
    blocks.push(headline.slice(0, 12).replace(/[,，、:：;；。]$/u, '') || '图片新闻');
    blocks.push(varyNumbers(pick(words.captions.length ? words.captions : words.sentences)));
    blocks.push(`■摄影 记者 ${personName(words.names)}`);
    return blocks;
  }
  if (next() < 0.3 && words.kickers.length) blocks.push(pick(words.kickers));
  blocks.push(headline);
  blocks.push(
    `■记者 ${personName(words.names)}${next() < 0.5 ? ` 通讯员 ${personName(words.names)} ${personName(words.names)}` : ''}`,
  );
  const count = between(3, 10);
  for (let index = 0; index < count; index++) {
    let text = paragraph(words.sentences);
    if (index === 0) text = `本报讯 ${text}`;
    const characters = [...text];
    if (characters.length > 40 && next() < 0.25) {
      // A column break mid-sentence, as the extraction leaves them.
      const cut = between(10, characters.length - 10);
      const before = characters.slice(0, cut).join('');
      if (!/[。!?:：”]$/u.test(before)) {
        blocks.push(before, characters.slice(cut).join(''));
        continue;
      }
    }
    blocks.push(text);
  }
  return blocks;
}

const words = await vocabulary();
const seedsOut = path.join(outDir, 'seeds');
let manifest: Array<{ file: string; date: string; [field: string]: unknown }> = [];
/** How many articles each page file holds, for scale tests to check the parse against. */
let expected: Record<string, number> = {};
let day = new Date(`${values.from}T00:00:00Z`);
let fileNumber = 0;
let limit = total;
if (appendDay) {
  // One more day of issues after the corpus's last, with numbers following on.
  manifest = (JSON.parse(await readFile(path.join(seedsOut, 'manifest.json'), 'utf8')) as { pages: typeof manifest })
    .pages;
  expected = JSON.parse(await readFile(path.join(outDir, 'expected.json'), 'utf8')) as Record<string, number>;
  const last =
    manifest
      .map((entry) => entry.date)
      .sort()
      .at(-1) ?? values.from;
  day = new Date(new Date(`${last}T00:00:00Z`).getTime() + 86_400_000);
  fileNumber = manifest.length;
  limit = Infinity;
  // A new day gets new text: the generator continues from where the corpus stopped.
  next = seededRandom(Number(values.seed) * 1_000_003 + fileNumber);
} else {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(seedsOut, { recursive: true });
}
const firstDay = day.toISOString().slice(0, 10);
let written = 0;
while (written < limit && !(appendDay && day.toISOString().slice(0, 10) !== firstDay)) {
  const date = day.toISOString().slice(0, 10);
  for (const publication of config.publications) {
    for (let pageNumber = 1; pageNumber <= 8 && written < limit; pageNumber++) {
      const name = pick(Object.keys(PAGE_NAMES));
      const blocks: string[] = [name.split('').join(' '), PAGE_NAMES[name]!];
      const count = Math.min(between(5, 10), limit - written);
      for (let index = 0; index < count; index++) blocks.push(...article(words, next() < 0.1 ? 'photo' : 'news'));
      const file = `${String(fileNumber++).padStart(6, '0')}_${publication.id}_${date}_${pageNumber}.txt`;
      await writeFile(path.join(seedsOut, file), `\n\n${blocks.join('\n\n')}\n`);
      manifest.push({
        file,
        publication: publication.name,
        date,
        datePrecision: 'day',
        page: { number: pageNumber, name },
        evidence: { publication: 'generated corpus', date: 'generated corpus', page: 'generated corpus' },
      });
      expected[file] = count;
      written += count;
    }
  }
  day = new Date(day.getTime() + 86_400_000);
}
await writeFile(path.join(seedsOut, 'manifest.json'), `${JSON.stringify({ pages: manifest }, null, 1)}\n`);
await writeFile(path.join(outDir, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
console.log(JSON.stringify({ articles: written, pages: manifest.length, out: path.relative(ROOT, outDir) }));
