/**
 * Building an article's body from prose blocks: joining paragraphs that a column break
 * cut mid-sentence, telling captions from text, and taking the dateline off the lead.
 */
import type { Paragraph } from '../article';
import { blockText, IMAGE_GAP, type Block } from './blocks';
import { endsParagraph, enumeratorOf } from './chinese-text';

/** 本报讯, 本报嘉兴讯, 新华社北京3月27日电 — the tag that opens a report. */
export const DATELINE =
  /^(本报讯|本报\S{1,8}?讯|本报\S{1,12}?电|(?:据)?新华社\S{1,16}?电)(?:[\s\u3000]+|(?=\p{Script=Han}))/u;

/** Photo credits that mark a paragraph as a caption. */
const CAPTION_CREDIT =
  /图片由\S{1,20}提供|供图[)）]?$|[（(]\S{2,12}\s*摄[)）]$|^图为|通讯员\s*\S{2,4}\s*摄$|记者\s*\S{2,4}\s*摄$/u;

export function isCaption(block: Block): boolean {
  return block.gapBefore >= IMAGE_GAP && CAPTION_CREDIT.test(blockText(block));
}

export function splitDateline(text: string): { dateline?: string; text: string } {
  const match = DATELINE.exec(text);
  if (!match?.[1]) return { text };
  return { dateline: match[1], text: text.slice(match[0].length) };
}

function lineNumbers(block: Block): number[] {
  return block.lines.map((line) => line.number);
}

/**
 * Adds a block of prose to a body. A text paragraph that stops mid-sentence is joined
 * with the next one: the extraction cut it at a column break.
 */
export function appendProse(paragraphs: Paragraph[], block: Block, type: Paragraph['type'] = 'text'): void {
  const text = blockText(block);
  const last = paragraphs[paragraphs.length - 1];
  if (type === 'text' && last?.type === 'text' && !endsParagraph(last.text)) {
    last.text += text;
    last.lines.push(...lineNumbers(block));
    return;
  }
  paragraphs.push({ type, text, lines: lineNumbers(block) });
}

/** Whether the body's last paragraph ends where a subhead may follow. */
export function readyForSubhead(paragraphs: readonly Paragraph[]): boolean {
  const last = paragraphs[paragraphs.length - 1];
  return last === undefined || last.type !== 'text' || endsParagraph(last.text);
}

/**
 * In a numbered list (一是…二是…三是…) a lone unnumbered paragraph between point n and
 * point n+1 is the rest of point n, split off by a column break that fell after a full stop.
 */
export function joinEnumerationBreaks(paragraphs: Paragraph[]): void {
  for (let index = 1; index + 1 < paragraphs.length; index++) {
    const [before, middle, after] = [paragraphs[index - 1]!, paragraphs[index]!, paragraphs[index + 1]!];
    if (before.type !== 'text' || middle.type !== 'text' || after.type !== 'text') continue;
    const number = enumeratorOf(before.text);
    if (number === undefined || enumeratorOf(middle.text) !== undefined) continue;
    if (enumeratorOf(after.text) !== number + 1) continue;
    before.text += middle.text;
    before.lines.push(...middle.lines);
    paragraphs.splice(index, 1);
  }
}
