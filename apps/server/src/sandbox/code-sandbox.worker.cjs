// @ts-check
// A code-sandbox thread: runs one code node's user JavaScript at a time in QuickJS, so a busy loop
// holds this thread and never the main one. Plain CommonJS so that the built server and the tests
// (which run the TypeScript sources) load the same file; the sandbox itself is the built
// @hookflow/nodes package (packages/nodes/dist, which `nx run server:build` builds first), at the
// path the pool passes in.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

/** @typedef {{ code: string, inputJson: string, timeoutMs: number, memoryBytes: number, maxOutputBytes: number }} Request */
/** @typedef {{ runQuickJsJson(request: Request): Promise<unknown>, warmUpQuickJs(memoryBytes: number): Promise<void> }} Sandbox */

/** @type {Sandbox | string} the sandbox, or why it could not be loaded */
let sandbox;
try {
  sandbox = require(String(workerData?.sandboxModule));
} catch (err) {
  sandbox = `${err instanceof Error ? err.message : String(err)} (build packages/nodes: npx nx run nodes:build)`;
}

if (typeof sandbox === 'string') {
  parentPort?.postMessage({ failed: sandbox });
} else {
  parentPort?.on('message', async (/** @type {{ id: number, request: Request }} */ message) => {
    let result;
    try {
      result = await sandbox.runQuickJsJson(message.request);
    } catch (err) {
      result = { ok: false, error: { kind: 'crashed', message: err instanceof Error ? err.message : String(err) }, logs: [] };
    }
    parentPort?.postMessage({ id: message.id, result });
  });
  sandbox.warmUpQuickJs(Number(workerData?.warmUpMemoryBytes)).then(
    () => parentPort?.postMessage({ ready: true }),
    (err) => parentPort?.postMessage({ failed: err instanceof Error ? err.message : String(err) }),
  );
}
