// The editor's panels and pages around the canvas, as a new user meets them: the flow's settings
// (description, on-error flow, how the webhook answers) surviving a reload, version history and
// restore, renaming a node id that another node's template reads, "Test this node" on a pasted
// sample, the users page, and the executions of all flows with their filters. Only requests the
// webhook callers send go around the UI.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { passOwnerSetup } from './support/accounts';
import { explainFailure, waitForText } from './support/browser';
import { addFields, arrangeCanvas, configPanel, connect, dragFromPalette, field, newFlow, openTab, selectNode } from './support/editor';
import { executionsFinished } from './support/executions';
import { browserSuite } from './support/suite';

const suite = browserSuite({ signIn: false });

beforeAll(async () => {
  await suite.session.page.goto('/');
  await passOwnerSetup(suite.session.page);
});

describe('the panels and pages around the canvas', () => {
  it('keeps the flow settings (description, on-error flow, answer mode) across a reload', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'editor-panels-flow-settings'));
    const { page } = suite.session;
    await buildChain(page, { name: 'Alert on failure', types: ['webhook'] });
    await save(page);
    const flowId = await buildChain(page, { name: 'Orders with settings', types: ['webhook', 'transform'] });
    await configureTransform(page, 'transform', [['total', '{{trigger.body.total}}']]);

    // Nothing selected: the panel shows the flow's own settings.
    const settings = await showFlowSettings(page);
    await settings.getByLabel('Description').fill('Shapes paid orders for the warehouse.');
    await waitForText(settings.locator('#flow-settings-description-count'), /^37 of 2000 characters$/);
    const onError = settings.getByLabel('When a run fails, start');
    // Every other flow is offered; the flow itself is not.
    expect(await onError.locator('option').allTextContents()).toEqual(['None', 'Alert on failure']);
    await onError.selectOption({ label: 'Alert on failure' });
    await waitForText(settings, /That flow starts with the name of this flow/);
    await settings.getByLabel('Answer the caller').selectOption({ label: 'When the flow ends, with the result of its last step' });
    await waitForText(settings, /The caller waits while the flow runs/);
    await settings.getByLabel('Stop waiting after (seconds)').fill('5');
    await waitForText(page.getByTestId('save-state'), /Unsaved changes/);
    await save(page);

    await page.reload();
    await page.waitForURL(`**/flows/${flowId}`);
    const reloaded = await showFlowSettings(page);
    await expect.poll(() => reloaded.getByLabel('Description').inputValue()).toBe('Shapes paid orders for the warehouse.');
    await expect.poll(() => selectedLabel(reloaded.getByLabel('When a run fails, start'))).toBe('Alert on failure');
    await expect.poll(() => selectedLabel(reloaded.getByLabel('Answer the caller'))).toBe('When the flow ends, with the result of its last step');
    await expect.poll(() => reloaded.getByLabel('Stop waiting after (seconds)').inputValue()).toBe('5');
    await waitForText(page.getByTestId('save-state'), /All changes saved/);

    // Live, the caller now waits for the flow and gets the transform's output.
    const triggerUrl = await activate(page);
    const answer = await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ total: 7 }) });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ total: 7 });
    expect(suite.session.pageErrors).toEqual([]);
  });

  it('restores an earlier version as unsaved changes and saves it as a new version', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'editor-panels-version-history'));
    const { page } = suite.session;
    await buildChain(page, { name: 'Invoices, first draft', types: ['webhook', 'transform'] });
    await configureTransform(page, 'transform', [['invoice', '{{trigger.body.id}}']]);
    await save(page);
    // The second version adds a step after the transform and has another name.
    const canvasBox = await page.getByTestId('canvas').boundingBox();
    await dragFromPalette(page, 'transform', { x: Math.round((canvasBox?.width ?? 600) * 0.8), y: Math.round((canvasBox?.height ?? 600) * 0.8) }, 'transform_2');
    await arrangeCanvas(page, 'Auto-layout');
    await arrangeCanvas(page, 'Fit view');
    await connect(page, 'handle-transform-out', 'handle-transform_2-in', 'e_transform_transform_2');
    await configureTransform(page, 'transform_2', [['copy', '{{nodes.transform.invoice}}']]);
    await page.getByTestId('flow-name').fill('Invoices, second draft');
    await save(page);

    const settings = await showFlowSettings(page);
    await settings.getByText('Version history', { exact: true }).click();
    const versions = settings.getByRole('list', { name: 'Saved versions' });
    // Creating the flow saved a version too: the two saves are the newest two, the latest current.
    const latest = versions.getByRole('listitem').filter({ hasText: '“Invoices, second draft”' });
    await waitForText(latest, /current/);
    const latestNumber = versionNumber(await latest.getAttribute('data-testid'));
    const first = versions.getByTestId(`version-${latestNumber - 1}`);
    await waitForText(first, /2 steps · “Invoices, first draft”/);
    await waitForText(latest, /3 steps · “Invoices, second draft”/);
    expect(await latest.getByRole('button').count()).toBe(0);

    await first.getByRole('button', { name: `Restore version ${latestNumber - 1}` }).click();
    await waitForText(settings.getByRole('status'), new RegExp(`Version ${latestNumber - 1} is loaded as unsaved changes`));
    await expect.poll(() => page.getByTestId('flow-name').inputValue()).toBe('Invoices, first draft');
    await waitForText(page.getByTestId('save-state'), /Unsaved changes/);
    await page.getByTestId('canvas-node-transform_2').waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__node').count()).toBe(2);

    // Undo takes the restore back, as the message says; restoring again loads it once more.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('flow-name').inputValue()).toBe('Invoices, second draft');
    await page.getByTestId('canvas-node-transform_2').waitFor();
    await first.getByRole('button', { name: `Restore version ${latestNumber - 1}` }).click();
    await expect.poll(() => page.getByTestId('flow-name').inputValue()).toBe('Invoices, first draft');
    await page.getByTestId('canvas-node-transform_2').waitFor({ state: 'detached' });

    await save(page);
    const restored = versions.getByTestId(`version-${latestNumber + 1}`);
    await waitForText(restored, /current/);
    await waitForText(restored, /2 steps · “Invoices, first draft”/);
    expect(await latest.textContent()).not.toContain('current');
    await latest.getByRole('button', { name: `Restore version ${latestNumber}` }).waitFor();
    expect(suite.session.pageErrors).toEqual([]);
  });

  it('renames a node id, rewrites the template that reads it, and tests that node on a pasted sample', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'editor-panels-rename-and-test'));
    const { page } = suite.session;
    await buildChain(page, { name: 'Order messages', types: ['webhook', 'transform', 'transform'] });
    await configureTransform(page, 'transform', [['total', '{{trigger.body.order.total}}']]);
    await configureTransform(page, 'transform_2', [['message', 'total is {{nodes.transform.total}}']]);

    // Rename "transform" to "order": transform_2's template now reads {{nodes.order.total}}.
    let panel = await selectNode(page, 'transform');
    const idField = panel.getByLabel('Id', { exact: true });
    await idField.fill('webhook');
    await panel.getByRole('button', { name: 'Rename' }).click();
    await waitForText(panel.getByTestId('rename-problems'), /Not renamed to "webhook"/);
    await panel.locator('code', { hasText: /^transform$/ }).first().waitFor();
    await idField.fill('order');
    await panel.getByTestId('rename-problems').waitFor({ state: 'detached' });
    await idField.press('Enter');
    await panel.locator('code', { hasText: /^order$/ }).waitFor();
    await page.getByTestId('canvas-node-transform').waitFor({ state: 'detached' });
    panel = await selectNode(page, 'transform_2');
    await expect.poll(() => panel.getByLabel('Fields: value 1').inputValue()).toBe('total is {{nodes.order.total}}');
    await page.getByTestId('rf__edge-e_webhook_transform').waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__edge').count()).toBe(2);
    await waitForText(page.getByTestId('problems-bar'), /No problems found/);

    // A sample pasted in the flow settings, then only the renamed node runs on it.
    const settings = await showFlowSettings(page);
    const sample = settings.getByTestId('sample');
    await sample.getByRole('button', { name: 'Paste a sample' }).click();
    await sample.getByLabel('Sample body (JSON)').fill(JSON.stringify({ order: { id: 'T-42', total: 314 } }));
    await sample.getByRole('button', { name: 'Use as sample' }).click();
    await waitForText(sample.getByTestId('sample-body-tree'), /T-42/);

    panel = await selectNode(page, 'order');
    const nodeTest = panel.getByTestId('node-test');
    await waitForText(nodeTest, /on the current sample/);
    await nodeTest.getByTestId('node-test-run').click();
    await nodeTest.locator('[data-testid=node-run-status]').filter({ hasText: /success/i }).waitFor();
    const output = await waitForText(nodeTest.getByTestId('step-output'), /314/);
    expect(output).toContain('total');

    // The next node reads "order", which has no output in a run shown yet; after a test run it has.
    panel = await selectNode(page, 'transform_2');
    const nextTest = panel.getByTestId('node-test');
    await waitForText(nextTest, /No output yet from: order/);
    await page.getByRole('button', { name: 'Test run' }).click();
    await page.locator('[data-testid=test-run-status][data-status=success]').waitFor();
    panel = await selectNode(page, 'transform_2');
    await openTab(panel, /^Settings$/);
    expect(await panel.getByTestId('node-test').textContent()).not.toContain('No output yet');
    await panel.getByTestId('node-test').getByTestId('node-test-run').click();
    await waitForText(panel.getByTestId('node-test').getByTestId('step-output'), /total is 314/);
    await save(page);
    expect(suite.session.pageErrors).toEqual([]);
  });

  it('adds a user on the users page, changes their role and removes them', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'editor-panels-users'));
    const { page } = suite.session;
    await page.goto('/');
    await page.getByTestId('user-menu').getByRole('link', { name: 'Users' }).click();
    await page.waitForURL('**/settings/users');
    const table = page.getByTestId('users-table');
    await table.getByTestId('user-row').filter({ hasText: 'you' }).waitFor();

    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Email').fill('grace@hookflow.test');
    await form.getByLabel('Name (optional)').fill('Grace');
    await form.getByLabel('Role', { exact: true }).selectOption({ label: 'Editor' });
    await form.getByLabel('Initial password').fill('grace-initial-pw');
    await form.getByRole('button', { name: 'Add user' }).click();
    await waitForText(page.locator('.user-added'), /Added grace@hookflow\.test as editor/);
    const row = table.getByTestId('user-row').filter({ hasText: 'grace@hookflow.test' });
    await waitForText(row, /Grace \(grace@hookflow\.test\)/);

    await row.getByLabel('Role of grace@hookflow.test').selectOption({ label: 'Viewer' });
    await expect.poll(() => selectedLabel(row.getByLabel('Role of grace@hookflow.test'))).toBe('Viewer');
    await page.getByText('Role not changed').waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => selectedLabel(page.getByLabel('Role of grace@hookflow.test'))).toBe('Viewer');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove grace@hookflow.test' }).click();
    await row.waitFor({ state: 'detached' });
    await page.reload();
    await table.getByTestId('user-row').first().waitFor();
    expect(await table.getByTestId('user-row').count()).toBe(1);
    expect(suite.session.pageErrors).toEqual([]);
  });

  it('finds runs of two flows on the executions page by status and by execution id', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'editor-panels-executions'));
    const { page } = suite.session;
    const bigOrders = await buildChain(page, { name: 'Big orders only', types: ['webhook', 'filter', 'transform'] });
    const panel = await selectNode(page, 'filter');
    await panel.getByRole('button', { name: 'Add condition' }).click();
    const condition = panel.getByRole('group', { name: 'Condition 1' });
    await field(condition, 'Value').fill('{{trigger.body.total}}');
    await field(condition, 'Operator').selectOption({ label: 'is greater than' });
    await field(condition, 'Compare with').fill('100');
    await configureTransform(page, 'transform', [['total', '{{trigger.body.total}}']]);
    const bigOrdersUrl = await saveAndActivate(page);

    const pings = await buildChain(page, { name: 'Pings', types: ['webhook', 'transform'] });
    await configureTransform(page, 'transform', [['pong', '{{trigger.body.ping}}']]);
    const pingsUrl = await saveAndActivate(page);

    await post(bigOrdersUrl, { total: 250 });
    await executionsFinished(suite.session, bigOrders, 1, () => suite.server.logs());
    await post(bigOrdersUrl, { total: 40 });
    expect(await executionsFinished(suite.session, bigOrders, 2, () => suite.server.logs())).toEqual(['filtered', 'success']);
    await post(pingsUrl, { ping: 'hello' });
    expect(await executionsFinished(suite.session, pings, 1, () => suite.server.logs())).toEqual(['success']);

    await page.getByRole('link', { name: 'Back to all flows' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Executions' }).click();
    await page.waitForURL('**/executions');
    // The first test's flow ran once too: counted are the runs of these two flows.
    const allRows = page.getByTestId('all-executions-table').locator('tbody tr');
    const rows = allRows.filter({ hasText: /Big orders only|Pings/ });
    await expect.poll(() => rows.count()).toBe(3);

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Filtered' });
    await expect.poll(() => allRows.count()).toBe(1);
    await waitForText(rows.first(), /Big orders only/);
    await rows.first().locator('[data-status=filtered]').waitFor();

    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All' });
    await expect.poll(() => rows.count()).toBe(3);
    const pingRow = rows.filter({ hasText: 'Pings' });
    const executionId = ((await pingRow.getAttribute('data-testid')) ?? '').replace('execution-row-', '');
    expect(executionId).not.toBe('');
    await page.getByLabel('Search', { exact: true }).fill(executionId);
    await page.getByRole('search', { name: 'Find executions' }).getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => allRows.count()).toBe(1);
    await waitForText(rows.first(), /Pings/);
    // Enter sends the search too; an id of no execution finds nothing; "Clear" shows every run again.
    await page.getByLabel('Search', { exact: true }).fill('00000000-0000-4000-8000-000000000000');
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await page.getByText('No executions match').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByLabel('Search', { exact: true }).fill(executionId);
    await page.getByLabel('Search', { exact: true }).press('Enter');
    await expect.poll(() => allRows.count()).toBe(1);

    await allRows.first().getByRole('link').click();
    await page.waitForURL(`**/flows/${pings}/executions/${executionId}`);
    await page.locator('[data-testid=execution-status][data-status=success]').waitFor();
    await page.locator('[data-testid=node-status-transform][data-status=success]').waitFor();
    expect(suite.session.pageErrors).toEqual([]);
  });
});

/**
 * From the flows page: a new flow with these node types dropped, laid out and wired in a chain
 * (a filter passes on through "true"). Answers the flow's id; the editor stays open.
 */
async function buildChain(page: Page, { name, types }: { name: string; types: string[] }): Promise<string> {
  await page.goto('/');
  const flowId = await newFlow(page);
  await page.getByTestId('canvas').waitFor();
  await page.getByTestId('flow-name').fill(name);
  const canvasBox = await page.getByTestId('canvas').boundingBox();
  if (!canvasBox) throw new Error('the canvas has no box');
  const ids: string[] = [];
  for (const [index, type] of types.entries()) {
    const seen = ids.filter((id) => id === type || id.startsWith(`${type}_`)).length;
    const id = seen === 0 ? type : `${type}_${seen + 1}`;
    const x = Math.round(canvasBox.width * (0.15 + (0.7 * index) / Math.max(types.length - 1, 1)));
    await dragFromPalette(page, type, { x, y: Math.round(canvasBox.height * 0.3) }, id);
    ids.push(id);
  }
  if (ids.length > 1) {
    await arrangeCanvas(page, 'Auto-layout');
    await arrangeCanvas(page, 'Fit view');
  }
  for (const [index, from] of ids.slice(0, -1).entries()) {
    const to = ids[index + 1];
    const output = from.startsWith('filter') ? 'true' : 'out';
    await connect(page, `handle-${from}-${output}`, `handle-${to}-in`, output === 'out' ? `e_${from}_${to}` : `e_${from}_${output}_${to}`);
  }
  // Laid out again once wired, so the chain reads left to right.
  if (ids.length > 1) await arrangeCanvas(page, 'Auto-layout');
  return flowId;
}

async function configureTransform(page: Page, nodeId: string, entries: Array<[name: string, value: string]>): Promise<void> {
  const panel = await selectNode(page, nodeId);
  await addFields(panel, entries);
  await page.getByTestId(`node-invalid-${nodeId}`).waitFor({ state: 'detached' });
}

/** Clicks the empty canvas, as a person does to see the flow's settings instead of a node's. */
async function showFlowSettings(page: Page): Promise<Locator> {
  const pane = page.locator('.react-flow__pane');
  await pane.click({ position: { x: 12, y: 12 } });
  const panel = configPanel(page);
  await panel.getByRole('group', { name: 'Flow settings' }).waitFor();
  return panel;
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForText(page.getByTestId('save-state'), /All changes saved/);
}

/** Saves, activates and answers the trigger URL the webhook node's Settings tab shows. */
async function saveAndActivate(page: Page): Promise<string> {
  await waitForText(page.getByTestId('problems-bar'), /No problems found/);
  await save(page);
  return activate(page);
}

async function activate(page: Page): Promise<string> {
  await page.getByRole('switch', { name: 'Active' }).click();
  await page.locator('[role=switch][aria-checked=true]').waitFor();
  const panel = await selectNode(page, 'webhook');
  await openTab(panel, /^Settings$/);
  return ((await panel.getByTestId('trigger-url').textContent()) ?? '').trim();
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(202);
}

function selectedLabel(select: Locator): Promise<string> {
  return select.evaluate((element) => (element instanceof HTMLSelectElement ? (element.selectedOptions[0]?.textContent ?? '') : ''));
}

function versionNumber(testId: string | null): number {
  const number = Number(/^version-(\d+)$/.exec(testId ?? '')?.[1]);
  if (!Number.isInteger(number)) throw new Error(`not a version row: ${testId}`);
  return number;
}
