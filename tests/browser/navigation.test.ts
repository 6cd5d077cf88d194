/**
 * A reader's walk through the archive in headless Chromium, on a phone and on a desktop:
 * home → calendar → a day → its issue → an article, and back. Screenshots of each stop
 * are saved in test-results/screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, VIEWPORTS } from '../../scripts/lib/browser';
import { DIST } from '../helpers/dist';
import { watchPage } from '../helpers/page-watch';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  describe(`on a ${device}`, () => {
    test('a reader goes from the home page through the calendar to an article and back', async () => {
      const page = await browser.newPage({ viewport });
      const problems = watchPage(page);

      await page.goto(`${server.url}/`);
      expect(await page.locator('h1').textContent()).toBe('嘉兴地方报纸数字档案');
      await shot(page, `${device}-1-home`);

      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '往期' }).click();
      await page.waitForURL('**/calendar/');
      await shot(page, `${device}-2-calendar`);

      await page.getByRole('link', { name: '1月（4篇）' }).click();
      await page.waitForURL('**/calendar/2026/01/');
      await page.getByRole('link', { name: '1月21日，4篇文章' }).click();
      await page.waitForURL('**/calendar/2026/01/#d-2026-01-21');
      await shot(page, `${device}-3-month`);

      await page.locator('#d-2026-01-21').getByRole('link', { name: '嘉兴日报（4篇）' }).click();
      await page.waitForURL('**/jxrb/2026-01-21/');
      expect(await page.locator('.article-list h3').allTextContents()).toHaveLength(4);
      await shot(page, `${device}-4-issue`);

      await page.getByRole('link', { name: '人工智能赋能汽车零部件产业“智造”升级' }).click();
      await page.waitForURL('**/jxrb/2026-01-21/lianghuixinsheng/3/');
      const article = page.locator('article[data-article-id]');
      expect(await article.locator('h1').textContent()).toBe('人工智能赋能汽车零部件产业“智造”升级');
      await shot(page, `${device}-5-article`);

      await page.getByRole('link', { name: /^下一篇/ }).click();
      await page.waitForURL('**/jxrb/2026-01-21/lianghuixinsheng/4/');
      await page.goBack();
      await page.waitForURL('**/jxrb/2026-01-21/lianghuixinsheng/3/');
      await page.goBack();
      await page.waitForURL('**/jxrb/2026-01-21/');
      expect(await page.locator('h1').textContent()).toBe('嘉兴日报');

      await page.getByRole('navigation', { name: '位置' }).getByRole('link', { name: '嘉兴日报' }).click();
      await page.waitForURL('**/jxrb/');
      expect(problems).toEqual([]);
      await page.close();
    });

    test('the page fits the screen without sideways scrolling', async () => {
      const page = await browser.newPage({ viewport });
      for (const sitePath of ['/', '/calendar/2026/', '/jxrb/2026-03/', '/jxrb/2026-03/1/1/', '/people/']) {
        await page.goto(`${server.url}${sitePath}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, sitePath).toBeLessThanOrEqual(0);
      }
      await page.close();
    });
  });
}

describe('by keyboard', () => {
  test('the first Tab offers to skip to the content, which then takes focus', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    await page.goto(`${server.url}/jxrb/2026-03/1/1/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  test('the citation can be copied with the button', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/jxrb/2026-03/1/1/`);
    await page.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('已复制');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('[N]. 嘉兴日报, 2026-03(1).');
    await context.close();
  });
});
