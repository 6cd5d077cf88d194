import { describe, expect, test } from 'vitest';
import { parseByline, parseBylineLine } from '../../src/lib/parser/byline';

describe('reading a byline line', () => {
  test.each([
    ['■记者 周丽丽 苗楠钰', { reporters: ['周丽丽', '苗楠钰'] }],
    ['记者 胡佳英', { reporters: ['胡佳英'] }],
    ['通讯员 谢建伟 曹金凤', { correspondents: ['谢建伟', '曹金凤'] }],
    ['■记者 杨茜 通讯员 嘉纪宣', { reporters: ['杨茜'], correspondents: ['嘉纪宣'] }],
    ['■摄影 记者 赵颖硕 通讯员 宋加', { photographers: ['赵颖硕', '宋加'] }],
    ['摄影 王强 徐佳丽', { photographers: ['王强', '徐佳丽'] }],
    ['本报记者 张三 见习记者 李四', { reporters: ['张三', '李四'] }],
    ['记者:周丽丽', { reporters: ['周丽丽'] }],
    ['王强 摄', { photographers: ['王强'] }],
    ['王强摄', { photographers: ['王强'] }],
    ['（记者 张三）', { reporters: ['张三'] }],
    ['文/图 欧阳晓明', { authors: ['欧阳晓明'], photographers: ['欧阳晓明'] }],
    ['记者 阿依古丽·买买提', { reporters: ['阿依古丽·买买提'] }],
  ])('%s', (line, expected) => {
    expect(parseBylineLine(line)).toEqual({
      reporters: [],
      correspondents: [],
      photographers: [],
      authors: [],
      ...expected,
    });
  });

  test.each([
    '记者注意到,除了需要人工操作的传统产线',
    '文化自信',
    '政协委员带来“好声音”',
    '记者',
    '市经信局相关负责人说',
  ])('prose is not a byline: %s', (line) => {
    expect(parseBylineLine(line)).toBeNull();
  });
});

describe('reading a byline block', () => {
  test('one role per line, as 平湖日报 prints it', () => {
    const byline = parseByline(['记者 朱葭苇', '通讯员 陈月平 许力标']);
    expect(byline).toMatchObject({ reporters: ['朱葭苇'], correspondents: ['陈月平', '许力标'] });
    expect(byline?.raw).toBe('记者 朱葭苇\n通讯员 陈月平 许力标');
  });

  test('a block with one line of prose is not a byline', () => {
    expect(parseByline(['记者 朱葭苇', '近日,随着气温下降'])).toBeNull();
  });
});
