/** Small facts about Chinese newspaper text that several parser stages rely on. */

const CLOSERS = /[”’"'）)】」』》〉\]]+$/u;
const SENTENCE_END = /[。!?！？…]$/u;

/** The text without trailing closing quotes and brackets, so that `…成效。”` ends in `。`. */
export function stripClosers(text: string): string {
  return text.replace(CLOSERS, '');
}

/**
 * True when a paragraph ends where a paragraph can end: after a full stop, a question
 * or exclamation mark, an ellipsis, or a colon that introduces a list (建议：).
 * A paragraph that stops anywhere else was cut by a column break or the page end.
 */
export function endsParagraph(text: string): boolean {
  const trimmed = text.trimEnd();
  // A note in brackets closes a paragraph: （九届市委…一览表见2版）, …成效。（记者 张三）
  if (isBracketed(trimmed)) return true;
  const withoutNote = trimmed.replace(/[（(][^（）()]*[）)]$/u, '');
  if (withoutNote !== trimmed && withoutNote !== '' && endsParagraph(withoutNote)) return true;
  const bare = stripClosers(trimmed);
  return SENTENCE_END.test(bare) || /[:：]$/u.test(bare);
}

/** Length in characters (code points), not UTF-16 units, ignoring whitespace. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const ch of text) if (!/\s/u.test(ch)) count++;
  return count;
}

export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

/** Collapse runs of blanks (including the ideographic space) to one ASCII space and trim. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/gu, ' ').trim();
}

/** Whether the text is wrapped whole in brackets: a note such as （…见2版）. */
export function isBracketed(text: string): boolean {
  return /^[（(【[].*[）)】\]]$/u.test(text.trim());
}

/** The paragraph-numbering openers of Chinese official prose: 一是, 二、, （三）, 4. */
const ENUMERATOR =
  /^(?:([一二三四五六七八九十]+)是|([一二三四五六七八九十]+)[、.．]|[（(]([一二三四五六七八九十]+)[）)]|(\d{1,2})[、.．](?!\d))/u;

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

function chineseNumber(text: string): number {
  if (text.length === 1) return CHINESE_DIGITS[text] ?? NaN;
  // 十一…十九, 二十…
  const [a, b, c] = [...text];
  if (a === '十') return 10 + (CHINESE_DIGITS[b ?? ''] ?? NaN);
  if (b === '十') return (CHINESE_DIGITS[a ?? ''] ?? NaN) * 10 + (c ? (CHINESE_DIGITS[c] ?? NaN) : 0);
  return NaN;
}

/** The number of an enumerated paragraph (一是 → 1, （三） → 3), or undefined. */
export function enumeratorOf(text: string): number | undefined {
  const match = ENUMERATOR.exec(text);
  if (!match) return undefined;
  const [, shi, dun, paren, arabic] = match;
  const value = arabic ? Number(arabic) : chineseNumber(shi ?? dun ?? paren ?? '');
  return Number.isNaN(value) ? undefined : value;
}
