/**
 * Bylines in their printed forms:
 *   ■记者 周丽丽 苗楠钰
 *   记者 胡佳英 / 通讯员 谢建伟 曹金凤   (one role per line)
 *   ■摄影 记者 赵颖硕 通讯员 宋加      (a photo credit: both took the pictures)
 *   摄影 王强 徐佳丽 · 王强 摄 · （记者 张三）
 */
import type { Byline } from '../article';
import { isNameToken } from './person-names';

type Role = 'reporters' | 'correspondents' | 'photographers' | 'authors';

/** Role words, longest first so that 摄影记者 wins over 摄影. `photo` switches to a photo credit. */
const ROLE_WORDS: ReadonlyArray<{ word: string; role: Role | 'photo' | 'text-and-photo' }> = [
  { word: '特约通讯员', role: 'correspondents' },
  { word: '摄影记者', role: 'photographers' },
  { word: '本报记者', role: 'reporters' },
  { word: '见习记者', role: 'reporters' },
  { word: '实习记者', role: 'reporters' },
  { word: '特约记者', role: 'reporters' },
  { word: '融媒记者', role: 'reporters' },
  { word: '首席记者', role: 'reporters' },
  { word: '通讯员', role: 'correspondents' },
  { word: '实习生', role: 'reporters' },
  { word: '文/图', role: 'text-and-photo' },
  { word: '图/文', role: 'text-and-photo' },
  { word: '记者', role: 'reporters' },
  { word: '摄影', role: 'photo' },
  { word: '摄像', role: 'photo' },
  { word: '作者', role: 'authors' },
  { word: '撰稿', role: 'authors' },
  { word: '文', role: 'authors' },
  { word: '图', role: 'photo' },
];

/** Single-character role words need a separator after them, or 文化 would read as 文 + 化. */
const SEPARATOR = /^[\s:：/／]/u;

export type SignedNames = Omit<Byline, 'raw' | 'shared'>;

export function emptyByline(): Byline {
  return { reporters: [], correspondents: [], photographers: [], authors: [], raw: '', shared: false };
}

function addName(names: SignedNames, role: Role, name: string): void {
  if (!names[role].includes(name)) names[role].push(name);
}

/**
 * Reads one byline line into names by role, or returns null when the line is not a
 * byline (every word must be a role word or a name, and a role must come first).
 */
export function parseBylineLine(line: string): SignedNames | null {
  let rest = line.trim().replace(/^[■□◆◇▲△]\s*/u, '');
  const bracketed = /^[（(](.*)[）)]$/u.exec(rest);
  if (bracketed) rest = bracketed[1] ?? '';

  const names: SignedNames = { reporters: [], correspondents: [], photographers: [], authors: [] };
  let role: Role | undefined;
  let photoCredit = false;
  let nameCount = 0;

  while ((rest = rest.replace(/^[\s:：、，,]+/u, '')) !== '') {
    const roleWord = ROLE_WORDS.find(
      ({ word }) => rest.startsWith(word) && (word.length > 1 || SEPARATOR.test(rest.slice(1))),
    );
    if (roleWord) {
      rest = rest.slice(roleWord.word.length).replace(/^[\s:：/／]+/u, '');
      if (roleWord.role === 'photo') {
        photoCredit = true;
        role = 'photographers';
      } else if (roleWord.role === 'text-and-photo') {
        role = 'authors';
        // 文/图 张三: the same person wrote and photographed; record both roles.
        const name = /^[\p{Script=Han}·]+/u.exec(rest)?.[0];
        if (name && isNameToken(name)) addName(names, 'photographers', name);
      } else if (!photoCredit) {
        role = roleWord.role;
      }
      continue;
    }
    const word = /^[^\s:：、，,]+/u.exec(rest)?.[0] ?? '';
    rest = rest.slice(word.length);
    // 王强摄: a name with the photo mark glued on.
    const suffixPhoto = /^(.{2,5})摄$/u.exec(word);
    if (suffixPhoto && isNameToken(suffixPhoto[1] ?? '')) {
      addName(names, 'photographers', suffixPhoto[1] ?? '');
      nameCount++;
      continue;
    }
    if (word === '摄' && nameCount > 0 && role === undefined) {
      // 王强 徐佳丽 摄: the names before were photographers all along.
      continue;
    }
    if (!isNameToken(word)) return null;
    if (role === undefined) {
      // Names before any role word only make sense as a trailing "… 摄" credit.
      if (!/(^|\s)摄\s*$/u.test(rest)) return null;
      addName(names, 'photographers', word);
    } else {
      addName(names, role, word);
    }
    nameCount++;
  }
  return nameCount > 0 ? names : null;
}

/** Reads a block of byline lines; null unless every line is a byline. */
export function parseByline(lines: readonly string[]): Byline | null {
  const byline = emptyByline();
  for (const line of lines) {
    const names = parseBylineLine(line);
    if (!names) return null;
    mergeNames(byline, names);
  }
  byline.raw = lines.map((line) => line.trim()).join('\n');
  return byline;
}

/** Adds the names of `extra` to `byline`, keeping print order and dropping repeats. */
export function mergeNames(byline: SignedNames, extra: SignedNames): void {
  for (const role of ['reporters', 'correspondents', 'photographers', 'authors'] as const) {
    for (const name of extra[role]) addName(byline, role, name);
  }
}

/** Whether a byline names only photographers: the credit line under a photo. */
export function isPhotoCredit(names: SignedNames): boolean {
  return (
    names.photographers.length > 0 &&
    names.reporters.length === 0 &&
    names.correspondents.length === 0 &&
    names.authors.length === 0
  );
}
