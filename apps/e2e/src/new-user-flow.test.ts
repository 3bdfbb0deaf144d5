// A new user, only through the UI: create a flow, drag webhook → transform → filter → http onto
// the canvas, wire them, fill the forms, capture a real test request, test-run, save, activate,
// send a real event to the trigger URL and find the execution with the sink's answer.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { explainFailure, launchChromium, openSession, screenshot, waitForText, type EditorSession } from './support/browser';
import { addFields, arrangeCanvas, configPanel, connect, field, dragFromPalette, newFlow, openTab, selectNode } from './support/editor';
import { passOwnerSetup } from './support/accounts';
import { startHookflow, type HookflowServer } from './support/hookflow-server';
import { executionsFinished } from './support/executions';
import { startSink, type Sink } from './support/sink';

let server: HookflowServer;
let sink: Sink;
let browser: Browser;
let session: EditorSession;

beforeAll(async () => {
  // Settled one by one, so a browser that cannot start does not leave the server running.
  const started = await Promise.allSettled([startHookflow(), startSink(), launchChromium()]);
  if (started[0].status === 'fulfilled') server = started[0].value;
  if (started[1].status === 'fulfilled') sink = started[1].value;
  if (started[2].status === 'fulfilled') browser = started[2].value;
  for (const outcome of started) if (outcome.status === 'rejected') throw outcome.reason;
  session = await openSession(browser, server.url, { signIn: false });
});

afterAll(async () => {
  await session?.close();
  await browser?.close();
  await sink?.close();
  await server?.close();
});

describe('a new user builds, tests and runs a flow in the editor', () => {
  it('wires webhook → transform → filter → http, tests it on a captured request and runs it live', async () => {
    onTestFailed(() => explainFailure(session, () => server.logs(), 'new-user-flow'));
    const { page } = session;

    // The first visit: the owner account (on a server with accounts), then the flows page, empty.
    await page.goto('/');
    await passOwnerSetup(page);
    await page.getByText('No flows yet').waitFor();

    const flowId = await newFlow(page);
    await page.getByTestId('canvas').waitFor();
    await page.getByText('Start with a trigger.').waitFor();
    await page.getByTestId('flow-name').fill('Paid orders over 100 to the warehouse');

    // Four nodes dragged from the palette onto the canvas, then laid out by the toolbar.
    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    const at = (x: number, y: number) => ({ x: Math.round(canvasBox.width * x), y: Math.round(canvasBox.height * y) });
    await dragFromPalette(page, 'webhook', at(0.3, 0.15));
    await dragFromPalette(page, 'transform', at(0.7, 0.15));
    await dragFromPalette(page, 'filter', at(0.3, 0.4));
    await dragFromPalette(page, 'http', at(0.7, 0.4));
    expect(await page.locator('.react-flow__node').count()).toBe(4);
    await arrangeCanvas(page, 'Auto-layout');

    // Wired by dragging from handle to handle; the filter's "true" output goes to the http call.
    await connect(page, 'handle-webhook-out', 'handle-transform-in', 'e_webhook_transform');
    await connect(page, 'handle-transform-out', 'handle-filter-in', 'e_transform_filter');
    await connect(page, 'handle-filter-true', 'handle-http-in', 'e_filter_true_http');
    expect(await page.locator('.react-flow__edge').count()).toBe(3);
    await arrangeCanvas(page, 'Auto-layout');

    // Transform: two fields taken from the trigger's body.
    let panel = await selectNode(page, 'transform');
    await addFields(panel, [
      ['orderId', '{{trigger.body.order.id}}'],
      ['total', '{{trigger.body.order.total}}'],
    ]);
    await page.getByTestId('node-invalid-transform').waitFor({ state: 'detached' });

    // Filter: only orders over 100 go on, through the "true" output.
    panel = await selectNode(page, 'filter');
    await panel.getByRole('button', { name: 'Add condition' }).click();
    const condition = panel.getByRole('group', { name: 'Condition 1' });
    await field(condition, 'Value').fill('{{nodes.transform.total}}');
    // Operators read as words ("is greater than"); the stored value stays "gt".
    await field(condition, 'Operator').selectOption({ label: 'is greater than' });
    await field(condition, 'Compare with').fill('100');
    await page.getByTestId('node-invalid-filter').waitFor({ state: 'detached' });

    // HTTP request: POST the shaped order to the sink as JSON fields.
    panel = await selectNode(page, 'http');
    await field(panel, 'Method').selectOption({ label: 'POST' });
    await field(panel, 'URL').fill(`${sink.url}/orders`);
    const body = panel.getByRole('group', { name: 'Body' });
    await body.getByRole('radio', { name: 'Fields' }).click();
    await addFields(body, [
      ['orderId', '{{nodes.transform.orderId}}'],
      ['total', '{{nodes.transform.total}}'],
      ['source', 'hookflow'],
    ]);
    await page.getByTestId('node-invalid-http').waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('problems-bar'), /No problems found/);

    // Listen for a test event, and send one with a real HTTP request to the test URL shown.
    panel = await selectNode(page, 'webhook');
    const testUrl = (await panel.getByTestId('test-url').textContent())!.trim();
    expect(testUrl).toBe(`${server.url}/hooks-test/${flowId}`);
    const streamOpen = page.waitForResponse((response) => response.url().endsWith(`/api/flows/${flowId}/test-events`));
    await panel.getByRole('button', { name: 'Listen for test event' }).click();
    await panel.getByTestId('listening').waitFor();
    await streamOpen;
    const testOrder = { order: { id: 'A-1001', total: 250, currency: 'EUR' }, customer: { email: 'ops@example.com' } };
    const testAnswer = await sendWhileListening(testUrl, testOrder);
    expect(testAnswer).toMatchObject({ received: true });
    await waitForText(panel.getByTestId('test-event-received'), /Received POST request/);
    await waitForText(panel.getByTestId('sample-body-tree'), /A-1001/);

    // The sample feeds the live previews of the templates.
    panel = await selectNode(page, 'transform');
    await waitForText(panel.getByTestId('template-preview').first(), /A-1001/);
    await waitForText(panel.getByTestId('template-preview').nth(1), /250/);
    await screenshot(page, 'canvas');

    // Test run on that sample: every node succeeds; the http step shows the sink's answer.
    await page.getByRole('button', { name: 'Test run' }).click();
    await page.locator('[data-testid=test-run-status][data-status=success]').waitFor();
    for (const nodeId of ['webhook', 'transform', 'filter', 'http']) {
      await page.locator(`[data-testid=node-status-${nodeId}][data-status=success]`).waitFor();
    }
    panel = await selectNode(page, 'http');
    await panel.getByRole('tab', { name: 'Output (success)', selected: true }).waitFor();
    const testOutput = await waitForText(panel.getByTestId('step-output'), /stored/);
    expect(testOutput).toContain('A-1001');
    expect(testOutput).toContain('true');
    await sink.waitFor((request) => isOrder(request.body, 'A-1001'));
    await screenshot(page, 'test-run');

    // Save, then activate; the live trigger URL appears on the webhook node.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForText(page.getByTestId('save-state'), /All changes saved/);
    const activeSwitch = page.getByRole('switch', { name: 'Active' });
    await activeSwitch.click();
    await page.locator('[role=switch][aria-checked=true]').waitFor();
    expect(session.pageErrors).toEqual([]);
    panel = await selectNode(page, 'webhook');
    await openTab(panel, /^Settings$/);
    const triggerUrl = (await panel.getByTestId('trigger-url').textContent())!.trim();
    expect(triggerUrl).toMatch(new RegExp(`^${escapeRegExp(server.url)}/hooks/`));

    // Real events to the trigger URL: a small order stops at the filter; a big one reaches the sink.
    const smallOrder = { order: { id: 'C-3003', total: 40, currency: 'EUR' }, customer: { email: 'small@example.com' } };
    const liveOrder = { order: { id: 'B-2002', total: 420, currency: 'EUR' }, customer: { email: 'buyer@example.com' } };
    for (const [index, order] of [smallOrder, liveOrder].entries()) {
      const accepted = await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order) });
      expect(accepted.status).toBe(202);
      // One after the other, so the big order is the flow's last run.
      await executionsFinished(session, flowId, index + 1, () => server.logs());
    }
    const delivered = await sink.waitFor((request) => isOrder(request.body, 'B-2002'));
    expect(delivered.method).toBe('POST');
    expect(delivered.path).toBe('/orders');
    expect(delivered.headers['content-type']).toMatch(/application\/json/);
    expect(delivered.body).toEqual({ orderId: 'B-2002', total: 420, source: 'hookflow' });
    expect(await executionsFinished(session, flowId, 2, () => server.logs())).toEqual(['filtered', 'success']);

    // Executions: the run succeeded; opening it shows the sink's answer in the http step output.
    await page.getByRole('toolbar', { name: 'Flow editor' }).getByRole('link', { name: 'Executions' }).click();
    await page.waitForURL(`**/flows/${flowId}/executions`);
    await page.getByTestId('executions-chart').waitFor();
    const rows = page.getByTestId('executions-table').locator('tbody tr');
    await rows.locator('[data-status=filtered]').waitFor();
    const succeeded = rows.filter({ has: page.locator('[data-status=success]') });
    await succeeded.waitFor();
    expect(await rows.count()).toBe(2);
    await waitForText(page.getByTestId('executions-chart'), /1 success.*1 filtered/);
    expect(await overflowsSideways(page.locator('.executions-side'))).toBe(false);
    await succeeded.getByRole('link').click();
    await page.locator('[data-testid=execution-status][data-status=success]').waitFor();
    panel = configPanel(page);
    await panel.locator('code', { hasText: /^http$/ }).waitFor();
    const liveOutput = await waitForText(panel.getByTestId('step-output'), /B-2002/);
    expect(liveOutput).toContain('stored');
    expect(liveOutput).toContain('hookflow');
    for (const nodeId of ['webhook', 'transform', 'filter', 'http']) {
      await page.locator(`[data-testid=node-status-${nodeId}][data-status=success]`).waitFor();
    }
    expect(await overflowsSideways(page.locator('.executions-side'))).toBe(false);
    await screenshot(page, 'executions');

    // Back on the flows page, the flow is listed as active with its successful run.
    await page.getByRole('link', { name: 'Hookflow: all flows' }).click();
    const flowRow = page.getByTestId(`flow-row-${flowId}`);
    await waitForText(flowRow, /Active/);
    await flowRow.locator('[data-status=success]').waitFor();
    await screenshot(page, 'flows-page');

    expect(sink.requests.map((request) => request.body)).toEqual([
      { orderId: 'A-1001', total: 250, source: 'hookflow' },
      { orderId: 'B-2002', total: 420, source: 'hookflow' },
    ]);
    expect(session.pageErrors).toEqual([]);
  });
});

/**
 * The editor shows "listening" as soon as it opens its event stream; until the server has
 * registered it, the test URL answers 404 not_listening. Retries that answer only, briefly.
 */
async function sendWhileListening(url: string, body: unknown): Promise<unknown> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer: unknown = await response.json();
    if (response.ok) return answer;
    if (response.status !== 404 || Date.now() > deadline) throw new Error(`the test URL answered ${response.status}: ${JSON.stringify(answer)}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** True when the element's content is wider than its box (a table pushed past its column). */
function overflowsSideways(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
}

function isOrder(body: unknown, orderId: string): boolean {
  return typeof body === 'object' && body !== null && (body as { orderId?: unknown }).orderId === orderId;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
