/**
 * What each block of a page is, judged from the block itself and its neighbours:
 * furniture, a byline, a speaker line, a possible heading, or prose.
 */
import type { Byline, Furniture } from '../article';
import { blockText, type Block } from './blocks';
import { isPhotoCredit, parseByline } from './byline';
import {
  isAppBanner,
  isLotteryLine,
  isLotteryStart,
  isPageCredits,
  isPageHeader,
  isPinyinLabel,
  isSectionHeaderText,
  parseColumnLabel,
} from './furniture';
import { canBeHeadline, looksLikeHeading } from './headings';
import { isPersonName } from './person-names';
import { parseSpeakerLine, type Speaker } from './speaker';

export type Tag =
  | { kind: 'furniture'; role: Furniture['role']; column?: { label: string; editor?: string } }
  | { kind: 'byline'; byline: Byline; photoCredit: boolean }
  | { kind: 'speaker'; speaker: Speaker }
  | {
      kind: 'heading';
      /** Reads as a heading on its own; weak ones need a byline after them to count. */
      strong: boolean;
      /** Could be a bare-name signature (韩胜超) if it follows a headline. */
      personName: boolean;
    }
  | { kind: 'prose' };

function classifyAlone(block: Block): Tag {
  const lines = block.lines.map((line) => line.text);
  const text = blockText(block, ' ');
  const byline = parseByline(lines);
  if (byline) return { kind: 'byline', byline, photoCredit: isPhotoCredit(byline) };
  if (lines.length === 1) {
    const speaker = parseSpeakerLine(text);
    if (speaker) return { kind: 'speaker', speaker };
    const column = parseColumnLabel(text);
    if (column) return { kind: 'furniture', role: 'column-label', column };
    if (isPinyinLabel(text)) return { kind: 'furniture', role: 'pinyin' };
    if (isAppBanner(text)) return { kind: 'furniture', role: 'app-banner' };
    if (isPageHeader(text)) return { kind: 'furniture', role: 'page-header' };
    if (isPageCredits(text)) return { kind: 'furniture', role: 'credits' };
  }
  if (lines.length <= 3 && lines.every(canBeHeadline)) {
    return {
      kind: 'heading',
      strong: lines.every(looksLikeHeading),
      personName: lines.length === 1 && isPersonName(text),
    };
  }
  return { kind: 'prose' };
}

/** Tags every block; a few kinds of furniture are only recognisable from their neighbours. */
export function classifyBlocks(blocks: readonly Block[]): Tag[] {
  const tags = blocks.map(classifyAlone);
  let inLottery = false;
  blocks.forEach((block, index) => {
    const text = blockText(block, ' ');
    if (isLotteryStart(text)) inLottery = true;
    else if (inLottery && !isLotteryLine(text)) inLottery = false;
    if (inLottery) tags[index] = { kind: 'furniture', role: 'lottery' };

    // A short Chinese line printed over its pinyin is a section header: 两会 新声 / LIANGHUIXINSHENG.
    const next = tags[index + 1];
    if (next?.kind === 'furniture' && next.role === 'pinyin' && block.lines.length === 1 && isSectionHeaderText(text)) {
      tags[index] = { kind: 'furniture', role: 'section-header' };
    }
  });
  return tags;
}
