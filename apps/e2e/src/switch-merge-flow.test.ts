// Branch and join, only through the UI: a switch sends a paid order down "paid" and a big one down
// "big" (mode: every matching rule), one transform on each branch, a merge joins them. A live event
// that matches both rules runs both branches and the merge once; the executions page shows it.
import { describe, expect, it, onTestFailed } from 'vitest';
import { passOwnerSetup } from './support/accounts';
import { explainFailure, screenshot, waitForText } from './support/browser';
import { addFields, arrangeCanvas, configPanel, connect, dragFromPalette, field, newFlow, openTab, selectNode } from './support/editor';
import { executionsFinished } from './support/executions';
import { browserSuite } from './support/suite';

const suite = browserSuite({ signIn: false });

describe('a flow that branches with a switch and joins with a merge', () => {
  it('is built in the editor, runs both matching branches and the merge once, and shows both paths', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'switch-merge-flow'));
    const { page } = suite.session;
    await page.goto('/');
    await passOwnerSetup(page);
    const flowId = await newFlow(page);
    await page.getByTestId('canvas').waitFor();
    await page.getByTestId('flow-name').fill('Orders by kind');

    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    const at = (x: number, y: number) => ({ x: Math.round(canvasBox.width * x), y: Math.round(canvasBox.height * y) });
    await dragFromPalette(page, 'webhook', at(0.15, 0.2));
    await dragFromPalette(page, 'switch', at(0.4, 0.2));
    await dragFromPalette(page, 'transform', at(0.65, 0.1));
    await dragFromPalette(page, 'transform', at(0.65, 0.45), 'transform_2');
    await dragFromPalette(page, 'merge', at(0.85, 0.3));
    expect(await page.locator('.react-flow__node').count()).toBe(5);

    // The switch: every matching rule; "paid" on the event type, "big" on the total.
    let panel = await selectNode(page, 'switch');
    await field(panel, 'Send to').selectOption({ label: 'every matching rule' });
    const rules: Array<[name: string, value: string, operator: string, compareWith: string]> = [
      ['paid', '{{trigger.body.type}}', 'equals', 'order.paid'],
      ['big', '{{trigger.body.total}}', 'is greater than', '100'],
    ];
    for (const [index, [name, value, operator, compareWith]] of rules.entries()) {
      await panel.getByRole('button', { name: 'Add rule' }).click();
      const rule = panel.getByRole('group', { name: `Rule ${index + 1}` });
      await field(rule, 'Output name').fill(name);
      await rule.getByRole('button', { name: 'Add condition' }).click();
      const condition = rule.getByRole('group', { name: 'Condition 1' });
      await field(condition, 'Value').fill(value);
      await field(condition, 'Operator').selectOption({ label: operator });
      await field(condition, 'Compare with').fill(compareWith);
    }
    // One output per rule, named as typed, plus "fallback".
    for (const output of ['paid', 'big', 'fallback']) await page.getByTestId(`handle-switch-${output}`).waitFor();
    // Nodes dropped where the test points may overlap at the canvas's zoom: laid out apart first.
    await arrangeCanvas(page, 'Auto-layout');
    await arrangeCanvas(page, 'Fit view');

    await connect(page, 'handle-webhook-out', 'handle-switch-in', 'e_webhook_switch');
    await connect(page, 'handle-switch-paid', 'handle-transform-in', 'e_switch_paid_transform');
    await connect(page, 'handle-switch-big', 'handle-transform_2-in', 'e_switch_big_transform_2');
    await connect(page, 'handle-transform-out', 'handle-merge-in', 'e_transform_merge');
    await connect(page, 'handle-transform_2-out', 'handle-merge-in', 'e_transform_2_merge');
    await arrangeCanvas(page, 'Auto-layout');

    panel = await selectNode(page, 'transform');
    await addFields(panel, [['invoice', 'for {{trigger.body.id}}']]);
    panel = await selectNode(page, 'transform_2');
    await addFields(panel, [['vip', '{{trigger.body.total}}']]);
    await waitForText(page.getByTestId('problems-bar'), /No problems found/);
    await arrangeCanvas(page, 'Fit view');
    await screenshot(page, 'switch-merge-canvas');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForText(page.getByTestId('save-state'), /All changes saved/);
    await page.getByRole('switch', { name: 'Active' }).click();
    await page.locator('[role=switch][aria-checked=true]').waitFor();
    panel = await selectNode(page, 'webhook');
    await openTab(panel, /^Settings$/);
    const triggerUrl = (await panel.getByTestId('trigger-url').textContent())!.trim();

    // A paid order over 100 matches both rules.
    const accepted = await fetch(triggerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'order.paid', id: 'A-77', total: 420 }) });
    expect(accepted.status).toBe(202);
    await executionsFinished(suite.session, flowId, 1, () => suite.server.logs());

    await page.getByRole('toolbar', { name: 'Flow editor' }).getByRole('link', { name: 'Executions' }).click();
    await page.waitForURL(`**/flows/${flowId}/executions`);
    const row = page.getByTestId('executions-table').locator('tbody tr').filter({ has: page.locator('[data-status=success]') });
    await row.getByRole('link').click();
    await page.locator('[data-testid=execution-status][data-status=success]').waitFor();
    for (const nodeId of ['webhook', 'switch', 'transform', 'transform_2', 'merge']) {
      await page.locator(`[data-testid=node-status-${nodeId}][data-status=success]`).waitFor();
    }
    // The merge got both branches, keyed by the node each came from.
    await page.getByTestId('canvas-node-merge').click();
    const output = await waitForText(configPanel(page).getByTestId('step-output'), /for A-77/);
    expect(output).toContain('transform_2');
    expect(output).toContain('420');
    expect(suite.session.pageErrors).toEqual([]);
  });
});
