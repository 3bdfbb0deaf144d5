// Servers with accounts (the /api/auth routes) answer /api only to a signed-in browser. A new
// user creates the owner account on the editor's setup page; other tests sign their browser in
// through the same API the page uses, so the session cookie lives in the context they drive.
// Servers built before accounts existed answer 404 to /api/auth/status and need neither.
import type { BrowserContext, Page } from 'playwright-core';

export const OWNER = { email: 'owner@hookflow.test', password: 'e2e-owner-password', name: 'E2E owner' };

/** Creates the owner (first start) or signs in; does nothing on a server without accounts. */
export async function signInIfRequired(context: BrowserContext): Promise<void> {
  const status = await context.request.get('/api/auth/status');
  if (status.status() === 404) return;
  if (!status.ok()) throw new Error(`GET /api/auth/status answered ${status.status()}: ${await status.text()}`);
  const { setupRequired } = (await status.json()) as { setupRequired?: boolean };
  const response = setupRequired
    ? await context.request.post('/api/auth/setup', { data: OWNER })
    : await context.request.post('/api/auth/login', { data: { email: OWNER.email, password: OWNER.password } });
  if (!response.ok()) throw new Error(`signing in answered ${response.status()}: ${await response.text()}`);
}

/**
 * On a fresh install with accounts the editor first asks for the owner account: fills it in as a
 * person would. Resolves once the flows page shows (at once on a server without accounts).
 */
export async function passOwnerSetup(page: Page): Promise<'setup' | 'none'> {
  const flows = page.getByRole('heading', { name: 'Flows', exact: true });
  const setup = page.getByRole('heading', { name: 'Create the owner account' });
  await flows.or(setup).first().waitFor();
  if (!(await setup.isVisible())) return 'none';
  await page.getByLabel('Name (optional)').fill(OWNER.name);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
  await page.getByLabel('Repeat the password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create the owner account' }).click();
  await flows.waitFor();
  return 'setup';
}
