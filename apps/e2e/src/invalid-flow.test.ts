// An invalid flow: an http node whose URL is a broken template and a transform with no fields,
// left unconnected. Activation is refused with the server's reasons, and each problem is pinned
// on the node it belongs to.
import { describe, expect, it, onTestFailed } from 'vitest';
import { explainFailure, screenshot, waitForText } from './support/browser';
import { addFields, arrangeCanvas, canvasNode, connect, dragFromPalette, dragHandle, field, newFlow, selectNode } from './support/editor';
import { browserSuite } from './support/suite';

const suite = browserSuite({ signIn: true });

describe('an invalid flow cannot be activated', () => {
  it('refuses activation, quotes the reasons and marks the nodes they name', async () => {
    onTestFailed(() => explainFailure(suite.session, () => suite.server.logs(), 'invalid-flow'));
    const { page } = suite.session;
    await page.goto('/');
    const flowId = await newFlow(page);
    await page.getByTestId('flow-name').fill('Broken order sync');

    // Click to add: the webhook, then an http request after it (wired to it automatically).
    await page.getByTestId('palette-item-webhook').click();
    await canvasNode(page, 'webhook').waitFor();
    await page.getByTestId('palette-item-http').click();
    await page.getByTestId('rf__edge-e_webhook_http').waitFor({ state: 'attached' });
    await arrangeCanvas(page, 'Fit view');
    // A transform dragged in and left unconnected, without its required fields.
    const canvasBox = (await page.getByTestId('canvas').boundingBox())!;
    await dragFromPalette(page, 'transform', { x: Math.round(canvasBox.width * 0.5), y: Math.round(canvasBox.height * 0.2) });
    await arrangeCanvas(page, 'Fit view');

    // The http node has no URL yet: the editor marks it before anything is sent.
    const httpBadge = page.getByTestId('node-invalid-http');
    expect(await httpBadge.getAttribute('title')).toMatch(/url/i);
    let panel = await selectNode(page, 'http');
    await field(panel, 'URL').fill('{{#if}}');
    // Said once, at the field (the live preview does not repeat a compile error).
    await waitForText(panel.locator('.field', { has: field(page, 'URL') }).locator('.field-problem'), /template does not compile/);
    expect(await panel.getByTestId('template-error').count()).toBe(0);
    await waitForText(page.getByTestId('problems-bar'), /2 problems/);

    // Activation saves the draft, then the server refuses it and says why.
    const activeSwitch = page.getByRole('switch', { name: 'Active' });
    await activeSwitch.click();
    // The banner counts the reasons; the problems list under the canvas opens by itself and words them.
    const refusal = page.getByTestId('command-error');
    await waitForText(refusal, /Could not activate the flow: \d+ problems need fixing first/);
    const problemsBar = page.getByTestId('problems-bar');
    await problemsBar.getByRole('listitem').first().waitFor();
    const reasons = await problemsBar.getByRole('listitem').allTextContents();
    expect(reasons.length).toBeGreaterThanOrEqual(2);
    expect(reasons.some((reason) => /"http"/.test(reason) && /url/i.test(reason))).toBe(true);
    expect(reasons.some((reason) => /"transform"/.test(reason) && /fields/i.test(reason))).toBe(true);
    expect(await activeSwitch.getAttribute('aria-checked')).toBe('false');
    await waitForText(page.getByTestId('save-state'), /All changes saved/);

    // Each reason sits on its own node; the valid webhook has no badge.
    expect(await httpBadge.getAttribute('title')).toMatch(/url/i);
    expect(await page.getByTestId('node-invalid-transform').getAttribute('title')).toMatch(/fields/i);
    expect(await page.getByTestId('node-invalid-webhook').count()).toBe(0);
    // The opened problems list made the canvas shorter: fit the nodes in again.
    await arrangeCanvas(page, 'Fit view');
    panel = await selectNode(page, 'http');
    // The node's panel names the field to fix; the field says what is wrong, once.
    await waitForText(panel.getByTestId('node-problems'), /setting needs fixing: URL/);
    expect(await panel.getByTestId('node-problems').textContent()).not.toMatch(/template does not compile/);
    // The editor and the server word the template problem alike: the URL field says it once.
    const urlProblems = await panel.locator('.field', { has: field(page, 'URL') }).locator('.field-problem').allTextContents();
    expect(urlProblems).toHaveLength(1);
    expect(urlProblems[0]).toMatch(/template does not compile/);
    expect(await refusal.textContent()).not.toMatch(/template does not compile/);
    const listed = await problemsBar.getByRole('listitem').allTextContents();
    expect(listed.some((problem) => /"http"/.test(problem))).toBe(true);
    expect(listed.some((problem) => /"transform"/.test(problem) && /Fields is required/.test(problem))).toBe(true);
    await problemsBar.getByRole('button', { name: /problems/ }).click();
    await arrangeCanvas(page, 'Fit view');
    await screenshot(page, 'invalid-flow');

    // Fixing the http node alone is not enough: the transform still blocks activation.
    await field(panel, 'URL').fill('http://127.0.0.1:9/never-called');
    await httpBadge.waitFor({ state: 'detached' });
    await refusal.getByRole('button', { name: 'Dismiss message' }).click();
    await refusal.waitFor({ state: 'detached' });
    await activeSwitch.click();
    await waitForText(refusal, /one problem needs fixing first/);
    await waitForText(problemsBar, /"transform"/);
    expect(await problemsBar.getByRole('listitem').count()).toBe(1);
    expect(await activeSwitch.getAttribute('aria-checked')).toBe('false');

    // Wired and given a field, the flow activates.
    await connect(page, 'handle-webhook-out', 'handle-transform-in', 'e_webhook_transform');
    panel = await selectNode(page, 'transform');
    await addFields(panel, [['seen', 'yes']]);
    await page.getByTestId('node-invalid-transform').waitFor({ state: 'detached' });
    await activeSwitch.click();
    await page.locator('[role=switch][aria-checked=true]').waitFor();
    await refusal.waitFor({ state: 'detached' });

    const flow = (await (await suite.session.context.request.get(`/api/flows/${flowId}`)).json()) as { active: boolean };
    expect(flow.active).toBe(true);

    // A line that would close a loop does not vanish without a word: the canvas says why.
    await connect(page, 'handle-transform-out', 'handle-http-in', 'e_transform_http');
    await dragHandle(page, 'handle-http-out', 'handle-transform-in');
    await waitForText(page.locator('.canvas-notice'), /Flows can't loop: "transform" already leads to "http"/);
    expect(await page.getByTestId('rf__edge-e_http_transform').count()).toBe(0);
    expect(suite.session.pageErrors).toEqual([]);
  });
});
