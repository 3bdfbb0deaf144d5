// Debian's Chromium (/usr/bin/chromium) through playwright-core: no browser download, headless,
// a fresh context per test at the size the editor is built for (1280x800).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { signInIfRequired } from './accounts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };
/** How long one UI expectation may take before the test fails. */
export const UI_TIMEOUT_MS = 15_000;

const screenshotDir = resolve(import.meta.dirname, '../../../../docs/screenshots');

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH. playwright-core downloads no browser.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export interface EditorSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of the page, to assert there were none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh context on the server; `signIn` signs it in through the API (see accounts.ts). */
export async function openSession(browser: Browser, baseURL: string, { signIn }: { signIn: boolean }): Promise<EditorSession> {
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
  if (signIn) await signInIfRequired(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Refused requests the test provokes (activation of an invalid flow) log as failed resources.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) pageErrors.push(`console: ${message.text()}`);
  });
  return { context, page, pageErrors, close: () => context.close() };
}

/** Saves docs/screenshots/<name>.png (overwritten on each run) once fonts and animations settle. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** Waits until the locator's text matches, the way Playwright's expect(…).toHaveText retries. */
export async function waitForText(locator: Locator, pattern: RegExp, timeout = UI_TIMEOUT_MS): Promise<string> {
  await locator.filter({ hasText: pattern }).first().waitFor({ timeout });
  return (await locator.first().textContent()) ?? '';
}

/** Center of an element on the page, for mouse drags. */
export async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  await locator.waitFor();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} has no box on the page`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const failureDir = resolve(import.meta.dirname, '../../../../.reports/e2e-failures');

/**
 * What the page showed when a test failed: its address, the messages on screen, the page's own
 * errors and the server's last log lines, plus a screenshot in .reports/e2e-failures/.
 */
export async function explainFailure(session: EditorSession | undefined, serverLogs: () => string, name: string): Promise<void> {
  const lines = [`e2e failure in "${name}"`];
  if (session) {
    const { page } = session;
    lines.push(`page: ${page.url()}`);
    try {
      const alerts = await page.locator('[role=alert], [data-testid=command-error]').allTextContents();
      if (alerts.length > 0) lines.push(`on screen: ${alerts.join(' | ')}`);
      mkdirSync(failureDir, { recursive: true });
      const path = join(failureDir, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await page.screenshot({ path, timeout: 5_000 });
      lines.push(`screenshot: ${path}`);
    } catch (error) {
      lines.push(`(could not read the page: ${String(error)})`);
    }
    if (session.pageErrors.length > 0) lines.push(`page errors: ${session.pageErrors.join(' | ')}`);
  }
  lines.push('server log (last lines):', serverLogs().split('\n').slice(-15).join('\n'));
  console.error(lines.join('\n'));
}
