/** What a page did that a reader should never meet: script errors, dialogs, policy violations. */
import type { Page } from 'playwright-core';

export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/iu.test(message.text())) problems.push(`policy: ${message.text()}`);
  });
  return problems;
}
