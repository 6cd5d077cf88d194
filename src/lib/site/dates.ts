/** Dates as Chinese readers write them, honest about what is not known. */
import type { DatePrecision } from '../article';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function parts(date: string): { year: string; month?: string; day?: string } {
  const [year = '', month, day] = date.split('-');
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

/** 2026年1月21日 · 2026年3月 · 2026年 */
export function formatDate(date: string): string {
  const { year, month, day } = parts(date);
  let text = `${year}年`;
  if (month) text += `${Number(month)}月`;
  if (day) text += `${Number(day)}日`;
  return text;
}

/** The date with its uncertainty spelled out: 2026年3月（日期不详）. */
export function formatDateWithPrecision(date: string, precision: DatePrecision): string {
  const text = formatDate(date);
  if (precision === 'day') return `${text} ${weekday(date)}`;
  return precision === 'month' ? `${text}（具体日期不详）` : `${text}（月、日不详）`;
}

export function weekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

/** 第1版 · 两会新声 · 第1版 要闻 */
export function formatPage(page: { number?: number | undefined; name?: string | undefined }): string {
  const number = page.number !== undefined ? `第${page.number}版` : '';
  return [number, page.name].filter(Boolean).join(' ') || '版次不详';
}

/** Days in a month, for calendar grids. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Weekday (0 = Sunday) of the first day of a month. */
export function firstWeekday(year: number, month: number): number {
  return new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
}
