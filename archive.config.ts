// The one file to edit to host a different paper: the archive's name, where it is served
// from, and the publications it holds.
import { defineArchiveConfig } from './src/lib/archive-config';

export default defineArchiveConfig({
  name: '嘉兴地方报纸数字档案',
  description: '嘉兴日报、平湖日报往期版面与文章，可按日期、版面浏览，可全文检索。',
  site: 'https://archive.example.org',
  base: '/',
  publications: [
    {
      id: 'jxrb',
      name: '嘉兴日报',
      region: '嘉兴',
      markers: ['嘉兴市人大代表', '市委书记陈伟', '嘉兴市委', '嘉兴政协', '市政协主席、党组书记陈利众'],
    },
    {
      id: 'phrb',
      name: '平湖日报',
      region: '平湖',
      markers: ['今平湖', '平湖发布', '平湖市委员会', '平湖市委'],
      columns: { 'DIYI PINGLUN': '第一评论' },
    },
  ],
});
