import { describe, expect, test } from 'vitest';
import type { Paragraph } from '../../src/lib/article';
import { endsParagraph } from '../../src/lib/parser/chinese-text';
import { appendProse, joinEnumerationBreaks } from '../../src/lib/parser/paragraphs';

const block = (text: string, line: number) => ({ lines: [{ number: line, text }], gapBefore: 1 });

describe('where a paragraph may end', () => {
  test.each([
    '创新生态建设取得新进展。',
    '嘉兴如何破题争先?',
    '“省心又省力!”',
    '建议:',
    '孵化基金等……',
    '（见2版）',
    '发展。（记者 张三）',
  ])('ends: %s', (text) => expect(endsParagraph(text)).toBe(true));
  test.each(['不断推动一流', '专业化产业园;', '加强概念验证中心、', '采用“公益众筹+', '“具身智能是AI从数字世'])(
    'runs on: %s',
    (text) => expect(endsParagraph(text)).toBe(false),
  );
});

describe('joining paragraphs a column break split', () => {
  test('a paragraph stopping mid-sentence takes the next one', () => {
    const body: Paragraph[] = [];
    appendProse(body, block('二是深化两业融合,激活产业能级提升新动能。推动', 19));
    appendProse(body, block('特色产业融合发展,形成具有平湖辨识度的都市工业创新标杆。', 21));
    expect(body).toEqual([
      {
        type: 'text',
        text: '二是深化两业融合,激活产业能级提升新动能。推动特色产业融合发展,形成具有平湖辨识度的都市工业创新标杆。',
        lines: [19, 21],
      },
    ]);
  });

  test('a paragraph that ended stays apart from the next', () => {
    const body: Paragraph[] = [];
    appendProse(body, block('找准病灶,更要精准开方。', 85));
    appendProse(body, block('会上,大家明确思路、拿出举措。', 87));
    expect(body.map((p) => p.lines)).toEqual([[85], [87]]);
  });

  test('a caption is never joined to text', () => {
    const body: Paragraph[] = [];
    appendProse(body, block('运营环', 108));
    appendProse(body, block('图为现场。', 110), 'caption');
    expect(body.map((p) => p.type)).toEqual(['text', 'caption']);
  });

  test('in a numbered list, a lone unnumbered paragraph is the rest of the point before it', () => {
    const body: Paragraph[] = [
      { type: 'text', text: '一是甲。', lines: [1] },
      { type: 'text', text: '二是乙。', lines: [3] },
      { type: 'text', text: '丙。', lines: [5] },
      { type: 'text', text: '三是丁。', lines: [7] },
    ];
    joinEnumerationBreaks(body);
    expect(body.map((p) => p.text)).toEqual(['一是甲。', '二是乙。丙。', '三是丁。']);
  });

  test('an unnumbered paragraph after the last point stays a paragraph', () => {
    const body: Paragraph[] = [
      { type: 'text', text: '一是甲。', lines: [1] },
      { type: 'text', text: '二是乙。', lines: [3] },
      { type: 'text', text: '总之,丙。', lines: [5] },
    ];
    joinEnumerationBreaks(body);
    expect(body).toHaveLength(3);
  });
});
