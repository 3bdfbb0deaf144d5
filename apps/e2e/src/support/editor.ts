// What a person does on the editor page, as small steps a test reads like a story.
import type { Locator, Page } from 'playwright-core';
import { centerOf } from './browser';

/** Clicks "New flow" on the flows page; answers the new flow's id once its editor is open. */
export async function newFlow(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'New flow' }).first().click();
  await page.waitForURL(/\/flows\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

export function canvasNode(page: Page, nodeId: string): Locator {
  return page.locator(`.react-flow__node[data-id="${nodeId}"]`);
}

export function configPanel(page: Page): Locator {
  return page.getByTestId('config-panel');
}

/** Drags a palette item onto the canvas (a real HTML drag and drop) at a point of the canvas. */
export async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }, expectedId = type): Promise<void> {
  await page.dragAndDrop(`[data-testid="palette-item-${type}"]`, '[data-testid="canvas"]', { targetPosition: at });
  await canvasNode(page, expectedId).waitFor();
  // React Flow fits the view once the first node is measured: wait until the canvas stops moving.
  await viewportSettled(page);
}

/** Clicks a toolbar button that moves the canvas (Auto-layout, Fit view) and waits for it to settle. */
export async function arrangeCanvas(page: Page, button: 'Auto-layout' | 'Fit view'): Promise<void> {
  await page.getByRole('toolbar', { name: 'Flow editor' }).getByRole('button', { name: button, exact: true }).click();
  await viewportSettled(page);
}

/**
 * Resolves once the canvas transform and the node positions have not changed for a few frames,
 * so handle coordinates read next are where the mouse will find them (fit view animates).
 */
export async function viewportSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      const nodes = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => node.style.transform).join(';');
      const snapshot = `${viewport?.style.transform ?? ''}|${nodes}`;
      const memo = window as unknown as { __e2eCanvas?: { snapshot: string; frames: number } };
      const previous = memo.__e2eCanvas;
      memo.__e2eCanvas = { snapshot, frames: previous?.snapshot === snapshot ? previous.frames + 1 : 0 };
      return memo.__e2eCanvas.frames >= 6;
    },
    undefined,
    { polling: 'raf' },
  );
  await page.evaluate(() => {
    delete (window as unknown as { __e2eCanvas?: unknown }).__e2eCanvas;
  });
}

/** Drags from one handle to another with the mouse, as a person wires two nodes. */
export async function connect(page: Page, fromHandle: string, toHandle: string, edgeId: string): Promise<void> {
  await dragHandle(page, fromHandle, toHandle);
  await page.getByTestId(`rf__edge-${edgeId}`).waitFor();
}

/** Drags a line from one handle to another, as a person does; the editor may refuse it. */
export async function dragHandle(page: Page, fromHandle: string, toHandle: string): Promise<void> {
  const from = await centerOf(page.getByTestId(fromHandle));
  const to = await centerOf(page.getByTestId(toHandle));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Clicks a node on the canvas and waits for its settings in the side panel. */
export async function selectNode(page: Page, nodeId: string): Promise<Locator> {
  await page.getByTestId(`canvas-node-${nodeId}`).click();
  const panel = configPanel(page);
  await panel.locator('code', { hasText: new RegExp(`^${nodeId}$`) }).waitFor();
  return panel;
}

export async function openTab(panel: Locator, name: RegExp): Promise<void> {
  const tab = panel.getByRole('tab', { name });
  await tab.click();
  await panel.locator('[role=tab][aria-selected=true]', { hasText: name }).waitFor();
}

/** A form field by its label (the schema's title); required fields add a " *" to it. */
export function field(scope: Locator | Page, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s*\\*)?$`));
}

/** Fills an empty fields map (transform fields, an http body's fields): one "Add field" per entry. */
export async function addFields(scope: Locator, entries: Array<[name: string, value: string]>): Promise<void> {
  for (const [index, [name, value]] of entries.entries()) {
    await scope.getByRole('button', { name: 'Add field' }).click();
    await scope.getByLabel(`Fields: name ${index + 1}`).fill(name);
    await scope.getByLabel(`Fields: value ${index + 1}`).fill(value);
  }
}
