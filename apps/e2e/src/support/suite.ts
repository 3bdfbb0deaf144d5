// One Hookflow server and one Chromium for a test file: started together before its tests (a
// browser that cannot start does not leave the server running), closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, openSession, type EditorSession } from './browser';
import { startHookflow, type HookflowServer } from './hookflow-server';

export interface BrowserSuite {
  server: HookflowServer;
  browser: Browser;
  session: EditorSession;
}

/** Registers the file's beforeAll and afterAll; the fields are set once beforeAll ran. */
export function browserSuite(options: { signIn: boolean; beforeSession?: (suite: Omit<BrowserSuite, 'session'>) => Promise<void> }): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    const started = await Promise.allSettled([startHookflow(), launchChromium()]);
    if (started[0].status === 'fulfilled') suite.server = started[0].value;
    if (started[1].status === 'fulfilled') suite.browser = started[1].value;
    for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
    await options.beforeSession?.(suite);
    suite.session = await openSession(suite.browser, suite.server.url, { signIn: options.signIn });
  });
  afterAll(async () => {
    await suite.session?.close();
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
