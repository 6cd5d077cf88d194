/**
 * Extraction faults that can be seen in the text itself. They are flagged, never
 * repaired: the archive keeps what the page holds and tells the archivist where to look.
 */
import type { Defect, Paragraph } from '../article';

/**
 * Writers repeat names and phrases (a project's 26-character title, say); the extractor
 * repeats spans of text. A repeat counts as the extractor's when it is long, or when it
 * runs across a sentence end, which a writer's repeated phrase does not.
 */
export const REPEAT_MIN_LENGTH = 20;
const REPEAT_ALWAYS_LENGTH = 50;

function looksExtracted(run: string): boolean {
  return run.length >= REPEAT_ALWAYS_LENGTH || /[。!?！？；;][^。!?！？；;]/u.test(run);
}

/** Character offsets of each paragraph in the joined body, to map a hit back to its source line. */
function lineAt(paragraphs: readonly Paragraph[], offsets: readonly number[], position: number): number {
  let index = offsets.findIndex((start, i) => position >= start && position < (offsets[i + 1] ?? Infinity));
  if (index < 0) index = paragraphs.length - 1;
  const paragraph = paragraphs[index];
  return paragraph?.lines[paragraph.lines.length - 1] ?? 1;
}

/** Finds text that occurs twice in a body (the extractor's repeats), reporting the second copy. */
export function findRepeatedText(paragraphs: readonly Paragraph[]): Defect[] {
  const offsets: number[] = [];
  let body = '';
  for (const paragraph of paragraphs) {
    offsets.push(body.length);
    body += paragraph.text + '\n';
  }
  const firstSeen = new Map<string, number>();
  const defects: Defect[] = [];
  let skipUntil = -1;
  for (let position = 0; position + REPEAT_MIN_LENGTH <= body.length; position++) {
    const window = body.slice(position, position + REPEAT_MIN_LENGTH);
    if (window.includes('\n')) continue;
    const earlier = firstSeen.get(window);
    if (earlier === undefined) {
      firstSeen.set(window, position);
      continue;
    }
    if (position < skipUntil || earlier + REPEAT_MIN_LENGTH > position) continue;
    // Extend the match to report the whole repeated run once.
    let length = REPEAT_MIN_LENGTH;
    while (body[position + length] === body[earlier + length] && body[position + length] !== '\n') length++;
    skipUntil = position + length;
    const run = body.slice(position, position + length);
    if (!looksExtracted(run)) continue;
    defects.push({
      type: 'repeated-text',
      line: lineAt(paragraphs, offsets, position),
      detail: `“${run}” repeats text from line ${lineAt(paragraphs, offsets, earlier)}; the extraction may have duplicated it and lost what stood here.`,
    });
  }
  return defects;
}

/** Flags paragraphs whose Chinese quotation marks do not pair up: a sign of text lost in between. */
export function findUnbalancedQuotes(paragraphs: readonly Paragraph[]): Defect[] {
  const defects: Defect[] = [];
  paragraphs.forEach((paragraph, index) => {
    const opens = paragraph.text.match(/“/gu)?.length ?? 0;
    const closes = paragraph.text.match(/”/gu)?.length ?? 0;
    if (opens === closes) return;
    // A quotation running over several paragraphs repeats its opening mark at each one.
    const next = paragraphs[index + 1];
    if (opens === closes + 1 && paragraph.text.startsWith('“') && next?.text.startsWith('“')) return;
    defects.push({
      type: 'unbalanced-quotes',
      line: paragraph.lines[0] ?? 1,
      detail: `${opens} opening and ${closes} closing quotation marks: part of this paragraph may be missing.`,
    });
  });
  return defects;
}
