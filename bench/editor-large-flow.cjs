// Editor smoothness on a large flow: creates a 200-node flow on a running server, opens it in
// Debian's Chromium and reports frame times while dragging a node and panning the canvas.
//   node bench/editor-large-flow.cjs http://127.0.0.1:3000   (HOOKFLOW_EMAIL / HOOKFLOW_PASSWORD: an account)
const { chromium } = require('playwright-core');
const base = process.argv[2] ?? 'http://127.0.0.1:3000';
(async () => {
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: process.env.HOOKFLOW_EMAIL, password: process.env.HOOKFLOW_PASSWORD }) });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const nodes = [{ id: 'hook', type: 'webhook', position: { x: 0, y: 0 }, params: { method: 'POST' } }];
  const edges = [];
  for (let i = 1; i < 200; i++) {
    nodes.push({ id: `t${i}`, type: 'transform', position: { x: (i % 20) * 220, y: Math.floor(i / 20) * 140 }, params: { fields: { [`f${i}`]: `{{trigger.body.x}}` } } });
    edges.push({ id: `e${i}`, source: i === 1 ? 'hook' : `t${i - 1}`, target: `t${i}`, sourceHandle: null });
  }
  const res = await fetch(`${base}/api/flows`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-hookflow-csrf': '1' }, body: JSON.stringify({ name: '200 nodes', nodes, edges }) });
  const flow = await res.json();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: cookie.split('=')[0], value: cookie.split('=').slice(1).join('='), url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/flows/${flow.id}`);
  await page.waitForSelector('.react-flow__node[data-id="t150"]', { state: 'attached', timeout: 30000 });
  console.log('rendered nodes:', await page.locator('.react-flow__node').count());
  await page.waitForTimeout(1000);
  const measure = async (label, action) => {
    await page.evaluate(() => { window.__frames = []; let last = performance.now(); const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000 && !window.__stop) requestAnimationFrame(tick); }; window.__stop = false; requestAnimationFrame(tick); });
    await action();
    const frames = await page.evaluate(() => { window.__stop = true; return window.__frames.slice(1); });
    frames.sort((a, b) => a - b);
    const p = (q) => frames[Math.min(frames.length - 1, Math.floor(frames.length * q))].toFixed(1);
    console.log(`${label}: ${frames.length} frames, median ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${frames[frames.length - 1].toFixed(1)} ms`);
  };
  const box = await page.locator('.react-flow__node').first().boundingBox();
  await measure('drag a node', async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) { await page.mouse.move(box.x + box.width / 2 + i * 4, box.y + box.height / 2 + i * 2); }
    await page.mouse.up();
  });
  const pane = await page.locator('.react-flow__pane').boundingBox();
  await measure('pan the canvas', async () => {
    await page.mouse.move(pane.x + 20, pane.y + pane.height - 20);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) { await page.mouse.move(pane.x + 20 + i * 5, pane.y + pane.height - 20 - i * 2); }
    await page.mouse.up();
  });
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
