// A fresh browser on an install that has its owner: the sign-in page loads without a single failed
// request or console error (no "Failed to load resource: 401"), the owner signs in after a wrong
// password, and finds both attempts in the audit log, worded for people.
import { describe, expect, it, onTestFailed } from 'vitest';
import { OWNER, signInIfRequired } from './support/accounts';
import { explainFailure, screenshot } from './support/browser';
import { browserSuite } from './support/suite';

const suite = browserSuite({ signIn: false, beforeSession: async ({ browser, server }) => {
    // The owner is made in a context of its own, so the browser under test has no cookie at all.
    const setup = await browser.newContext({ baseURL: server.url });
    await signInIfRequired(setup);
    await setup.close();
  } });

describe('signing in', () => {
  it('opens the sign-in page in a fresh browser with no failed request and no console error', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'sign-in-first-load'));
    const { page } = suite.session;
    const failed: string[] = [];
    const consoleErrors: string[] = [];
    const apiCalls: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path.startsWith('/api/')) apiCalls.push(`${response.status()} ${response.request().method()} ${path}`);
      if (response.status() >= 400) failed.push(`${response.status()} ${response.request().method()} ${path}`);
    });
    page.on('requestfailed', (request) => failed.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? ''}`));
    // Every console error counts here, "Failed to load resource" included.
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.waitForLoadState('networkidle');

    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(apiCalls).toEqual(['200 GET /api/auth/status']);
  });

  it('signs in after a wrong password, and the owner finds both in the audit log', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'sign-in-audit-log'));
    const { page } = suite.session;
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong email or password.' }).waitFor();

    await page.getByLabel('Password').fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Flows', exact: true }).waitFor();

    await page.getByTestId('user-menu').getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/settings\/audit$/);
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const texts = (await rows.allTextContents()).map((text) => text.replace(/\s+/g, ' '));
    // Newest first: this sign-in, the wrong password, then the account made (and signed in) at setup.
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain(`${OWNER.email}Signed in`);
    expect(texts[1]).toContain(`Someone not signed inFailed to sign in as ${OWNER.email} (wrong password)`);
    expect(texts[2]).toContain(`${OWNER.email}Created the owner account ${OWNER.email}`);
    expect(texts.join(' ')).not.toContain('not-the-password');
    expect(texts.join(' ')).not.toContain(OWNER.password);
    await screenshot(page, 'audit-log');
    // The refused sign-in logs its 401 as a failed resource; nothing else went wrong on the page.
    expect(suite.session.pageErrors).toEqual([]);
  });
});
