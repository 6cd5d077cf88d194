/**
 * Page furniture: the printed page's chrome, which is not an article and must never
 * reach an article's body. Each detector looks at one line.
 */
import { endsParagraph, visibleLength } from './chinese-text';

/** A section's name in pinyin capitals printed under it: LIANGHUIXINSHENG, DIYI PINGLUN. */
export function isPinyinLabel(line: string): boolean {
  const text = line.trim();
  return /^[A-Z]{2,}(?: [A-Z]{2,})*$/.test(text) && text.replace(/ /g, '').length >= 4;
}

/** A column label with its editor: `DIYI PINGLUN 栏目统筹:黄金凤`. */
export function parseColumnLabel(line: string): { label: string; editor?: string } | null {
  const match = /^([A-Z]{2,}(?: [A-Z]{2,})*)?\s*栏目(?:统筹|主持|编辑|策划)\s*[:：]\s*(\S+)$/u.exec(line.trim());
  if (!match) return null;
  const label = match[1] ?? '';
  const editor = match[2];
  return editor ? { label, editor } : { label };
}

/** A section header: a short line of Chinese (两会 新声) printed over its pinyin. */
export function isSectionHeaderText(line: string): boolean {
  const text = line.trim();
  return /^[\p{Script=Han}\s]+$/u.test(text) && visibleLength(text) >= 2 && visibleLength(text) <= 10;
}

/** The paper's app or social-media banner: `平湖发布 今平湖客户端`. */
export function isAppBanner(line: string): boolean {
  const text = line.trim();
  return (
    visibleLength(text) <= 30 &&
    !endsParagraph(text) &&
    /客户端|APP|App|扫码|二维码|公众号|视频号|抖音号|微博/u.test(text)
  );
}

/** The first line of a lottery results box. */
export function isLotteryStart(line: string): boolean {
  return /^(?:福彩|体彩|中国福利彩票|中国体育彩票|双色球|超级大乐透|大乐透|排列[三五35]|七乐彩|七星彩|快乐8|3D\s)/u.test(
    line.trim(),
  );
}

/** A later line of a lottery box: prize tables, draw numbers, the disclaimer. */
export function isLotteryLine(line: string): boolean {
  const text = line.trim();
  return (
    /^(?:中奖号码|开奖号码|奖金|[一二三四五六七八]等奖|特别奖|组选|直选|销售总额|奖池|本期|更多信息|本信息若有误|奖金总额|开奖日期|幸运号码)/u.test(
      text,
    ) ||
    /^[\d\s+]+$/u.test(text) ||
    /cwl\.gov\.cn|lottery\.gov\.cn|zhcw\.com/u.test(text)
  );
}

/** A page header line: `2026年3月28日 星期六`, `第2版`, `A3 要闻`. */
export function isPageHeader(line: string): boolean {
  const text = line.trim();
  return (
    /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]/u.test(text) ||
    /^第\s*\d{1,3}\s*版(?:\s+\S{1,8})?$/u.test(text) ||
    /^[A-H]\d{1,2}\s+\p{Script=Han}{2,8}$/u.test(text)
  );
}

/** Production credits printed at a page's foot: 责任编辑, 美编, 校对. */
export function isPageCredits(line: string): boolean {
  return /^(?:本版)?(?:责任编辑|编辑|美编|校对|版式设计|版式|组版|审读)\s*[:：]/u.test(line.trim());
}
