// Waiting and scheduled flows, only through the UI. A webhook → delay → transform flow built in the
// editor takes a live event, shows its run as waiting (on the list and on the delay's node), then as
// a success once the delay is over. A schedule → transform flow shows its next runs as the cron is
// typed, runs by itself once active, and its runs show the tick on the executions page.
import { describe, expect, it, onTestFailed } from 'vitest';
import { passOwnerSetup } from './support/accounts';
import { explainFailure, screenshot, waitForText, type EditorSession } from './support/browser';
import { addFields, arrangeCanvas, configPanel, connect, dragFromPalette, field, newFlow, openTab, selectNode } from './support/editor';
import { executionsFinished } from './support/executions';
import { browserSuite } from './support/suite';

const suite = browserSuite({ signIn: false });

async function saveAndActivate(page: EditorSession['page']): Promise<void> {
  await waitForText(page.getByTestId('problems-bar'), /No problems found/);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForText(page.getByTestId('save-state'), /All changes saved/);
  await page.getByRole('switch', { name: 'Active' }).click();
  await page.locator('[role=switch][aria-checked=true]').waitFor();
}

async function statusesOf(flowId: string): Promise<string[]> {
  const response = await suite.session.context.request.get(`/api/executions?flowId=${flowId}`);
  return ((await response.json()) as { items: Array<{ status: string }> }).items.map((item) => item.status);
}

describe('waiting and scheduled flows', () => {
  it('shows a run waiting at a delay, then its success once the delay is over', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'delay-flow'));
    const { page } = suite.session;
    await page.goto('/');
    await passOwnerSetup(page);
    const flowId = await newFlow(page);
    await page.getByTestId('canvas').waitFor();
    await page.getByTestId('flow-name').fill('Remind later');
    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    const at = (x: number, y: number) => ({ x: Math.round(canvasBox.width * x), y: Math.round(canvasBox.height * y) });
    await dragFromPalette(page, 'webhook', at(0.15, 0.2));
    await dragFromPalette(page, 'delay', at(0.45, 0.4));
    await dragFromPalette(page, 'transform', at(0.75, 0.6));
    // Nodes dropped where the test points may overlap at the canvas's zoom: laid out apart first.
    await arrangeCanvas(page, 'Auto-layout');
    await arrangeCanvas(page, 'Fit view');
    await connect(page, 'handle-webhook-out', 'handle-delay-in', 'e_webhook_delay');
    await connect(page, 'handle-delay-out', 'handle-transform-in', 'e_delay_transform');

    let panel = await selectNode(page, 'delay');
    await field(panel, 'How long').fill('4');
    await field(panel, 'Unit').selectOption({ label: 'seconds' });
    panel = await selectNode(page, 'transform');
    await addFields(panel, [['reminder', 'remember {{trigger.body.id}}']]);
    await saveAndActivate(page);
    panel = await selectNode(page, 'webhook');
    await openTab(panel, /^Settings$/);
    const triggerUrl = (await panel.getByTestId('trigger-url').textContent())!.trim();

    const accepted = await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'R-9' }) });
    expect(accepted.status).toBe(202);
    await expect.poll(() => statusesOf(flowId), { timeout: 10_000 }).toEqual(['waiting']);

    await page.getByRole('toolbar', { name: 'Flow editor' }).getByRole('link', { name: 'Executions' }).click();
    await page.waitForURL(`**/flows/${flowId}/executions`);
    const waitingRow = page.getByTestId('executions-table').locator('tbody tr').filter({ has: page.locator('[data-status=waiting]') });
    await waitForText(waitingRow, /Waiting · until/);
    await waitingRow.getByRole('link').first().click();
    await page.locator('[data-testid=node-status-delay][data-status=waiting]').waitFor();
    await page.getByTestId('canvas-node-delay').click();
    await waitForText(configPanel(page).getByTestId('node-run-waiting'), /waiting here until/);
    await screenshot(page, 'delay-waiting');

    expect(await executionsFinished(suite.session, flowId, 1, () => suite.server.logs(), 20_000)).toEqual(['success']);
    await page.reload();
    await page.locator('[data-testid=execution-status][data-status=success]').waitFor();
    for (const nodeId of ['webhook', 'delay', 'transform']) await page.locator(`[data-testid=node-status-${nodeId}][data-status=success]`).waitFor();
    await page.getByTestId('canvas-node-transform').click();
    await waitForText(configPanel(page).getByTestId('step-output'), /remember R-9/);
    expect(suite.session.pageErrors).toEqual([]);
  });

  it('runs a schedule built in the editor by itself, showing its next runs and each tick', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'schedule-flow'));
    const { page } = suite.session;
    await page.goto('/');
    const flowId = await newFlow(page);
    await page.getByTestId('canvas').waitFor();
    await page.getByTestId('flow-name').fill('Every second');
    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    const at = (x: number, y: number) => ({ x: Math.round(canvasBox.width * x), y: Math.round(canvasBox.height * y) });
    await dragFromPalette(page, 'schedule', at(0.2, 0.3));
    await dragFromPalette(page, 'transform', at(0.6, 0.5));
    await arrangeCanvas(page, 'Auto-layout');
    await arrangeCanvas(page, 'Fit view');
    await connect(page, 'handle-schedule-out', 'handle-transform-in', 'e_schedule_transform');

    let panel = await selectNode(page, 'schedule');
    await field(panel, 'Runs at (cron)').fill('every morning');
    await waitForText(panel.getByTestId('schedule-problem'), /"every morning" is not a cron expression/);
    await field(panel, 'Runs at (cron)').fill('* * * * * *');
    await panel.getByTestId('schedule-next-runs').waitFor();
    expect(await panel.getByTestId('schedule-next-runs').locator('li').count()).toBe(3);
    await screenshot(page, 'schedule-next-runs');
    panel = await selectNode(page, 'transform');
    // The next run is the sample: its fields are offered like a request's.
    await addFields(panel, [['at', '{{trigger.body.scheduledFor}}']]);
    await saveAndActivate(page);

    const statuses = await executionsFinished(suite.session, flowId, 2, () => suite.server.logs(), 20_000);
    expect(statuses.every((status) => status === 'success')).toBe(true);
    await page.getByRole('switch', { name: 'Active' }).click();
    await page.locator('[role=switch][aria-checked=false]').waitFor();

    await page.getByRole('toolbar', { name: 'Flow editor' }).getByRole('link', { name: 'Executions' }).click();
    await page.waitForURL(`**/flows/${flowId}/executions`);
    const row = page.getByTestId('executions-table').locator('tbody tr').filter({ has: page.locator('[data-status=success]') }).first();
    await row.getByRole('link').first().click();
    await page.getByTestId('canvas-node-transform').click();
    await waitForText(configPanel(page).getByTestId('step-output'), /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z/);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
