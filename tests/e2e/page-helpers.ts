import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

/** Key screens are also kept where a person looks for them after a run. */
const SCREENSHOTS = join(process.cwd(), '.test-output', 'screenshots');

export async function screenshot(page: Page, testInfo: TestInfo, name: string, keep = false): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  if (keep) {
    // The kept pictures show the screen, not the toasts and tooltips of the steps before.
    await page.mouse.move(0, 767);
    await page.screenshot({ path: file, style: '.mantine-Notifications-root, .mantine-Tooltip-tooltip { display: none !important; }' });
  } else {
    await page.screenshot({ path: file });
  }
  if (keep) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(SCREENSHOTS, `${name}.png`));
  }
}

/** A missing catalog key or an uncaught error in the page fails the test. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && msg.text().includes('[i18n]')) problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  return problems;
}

/** Opens a ticket panel its stage has folded away (the history always starts folded). */
export async function unfold(page: Page, panel: string): Promise<void> {
  await page.getByTestId(`folded-${panel}`).click();
}
