import { describe, expect, test } from 'vitest';
import { canBeHeadline, looksLikeHeading, splitDecks } from '../../src/lib/parser/headings';

describe('headline decks', () => {
  test('a subheadline after a dash on the same line', () => {
    expect(splitDecks(['以生态之优聚创新之力 ——加快建设一流创新生态工作推进座谈会侧记'])).toEqual({
      headline: '以生态之优聚创新之力',
      subheadline: '加快建设一流创新生态工作推进座谈会侧记',
    });
  });

  test('a front-page kicker that reports a speech, on the same line as the headline', () => {
    expect(splitDecks(['陈伟在座谈会上强调 全力促进创新链产业链深度融合 不断推动建设'])).toEqual({
      kicker: '陈伟在座谈会上强调',
      headline: '全力促进创新链产业链深度融合 不断推动建设',
    });
  });

  test('two parallel phrases are one headline', () => {
    expect(splitDecks(['推动嘉兴临空经济区高质量发展 提升区域战略能级'])).toEqual({
      headline: '推动嘉兴临空经济区高质量发展 提升区域战略能级',
    });
  });

  test('two lines are kicker and headline', () => {
    expect(splitDecks(['以水为脉厚植生态底色', '平湖首捧“大禹鼎”金鼎'])).toEqual({
      kicker: '以水为脉厚植生态底色',
      headline: '平湖首捧“大禹鼎”金鼎',
    });
  });

  test('two lines, the second dashed, are headline and subheadline', () => {
    expect(splitDecks(['以生态之优聚创新之力', '——座谈会侧记'])).toEqual({
      headline: '以生态之优聚创新之力',
      subheadline: '座谈会侧记',
    });
  });

  test('three lines are kicker, headline and subheadline', () => {
    expect(splitDecks(['引题', '主题', '——副题'])).toEqual({ kicker: '引题', headline: '主题', subheadline: '副题' });
  });

  test('a dash left at the end of the line above introduces the subheadline', () => {
    expect(splitDecks(['以生态之优聚创新之力——', '座谈会侧记'])).toEqual({
      headline: '以生态之优聚创新之力',
      subheadline: '座谈会侧记',
    });
    expect(splitDecks(['引题', '主题 ——', '副题'])).toEqual({ kicker: '引题', headline: '主题', subheadline: '副题' });
  });

  test('a subheadline repeated by the extraction on the next line is kept, not lost', () => {
    expect(splitDecks(['主题——副题', '——副题'])).toEqual({ headline: '主题', subheadline: '副题 ——副题' });
  });

  test('a dash with nothing after it stays in the headline', () => {
    expect(splitDecks(['未完——'])).toEqual({ headline: '未完——' });
  });
});

describe('what reads as a heading', () => {
  test.each([
    '被市长点赞的18份调研报告',
    '源头治水,织密“防护网”',
    '“大脑”与“小脑”协同: 技术路径点亮投资热情',
    '以“AI+工业互联网”破解转型难题 推动嘉兴从“制造大市”迈向“智造强市”',
  ])('heading: %s', (line) => {
    expect(looksLikeHeading(line)).toBe(true);
  });

  test.each([
    ['a fragment opened by an adverbial and a comma', '据悉,5个市委巡察组将在被'],
    ['a fragment ending on a function word', '在线路迁改过程中,分公司还'],
    ['a fragment with an enumeration comma', '今年4月,经过前期的推荐、初选、复'],
    ['a fragment opened by 根据', '根据建议内容,嘉兴不仅开展大规模'],
    ['a long clause pair', '一边是老厂区的数字化改造蹄疾步稳,一边是新产能的布局'],
    ['two commas', '为此,李瑾提出系列建议,首要在于深化联动机'],
  ])('not a heading: %s', (_, line) => {
    expect(looksLikeHeading(line)).toBe(false);
  });

  test.each(['治水先治源,管水先管网。', '（九届市委第十轮巡察进驻情况一览表见2版）', '建议:'])(
    'never a headline: %s',
    (line) => {
      expect(canBeHeadline(line)).toBe(false);
    },
  );
});
