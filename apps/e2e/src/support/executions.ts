// Live runs are recorded just after they finish, and the executions list refreshes every 10 s, so a
// test opens it once the runs are recorded, asked with the browser's own session.
import type { EditorSession } from './browser';

/** The statuses of the flow's finished executions (not waiting at a delay), sorted, once there are at least `count`. */
export async function executionsFinished({ context }: EditorSession, flowId: string, count: number, serverLogs: () => string, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await context.request.get(`/api/executions?flowId=${flowId}`);
    const page = (await response.json()) as { items: Array<{ status: string }> };
    const finished = page.items.map((execution) => execution.status).filter((status) => status !== 'queued' && status !== 'running' && status !== 'waiting');
    if (finished.length >= count) return finished.sort();
    if (Date.now() > deadline) throw new Error(`${count} finished executions expected: ${JSON.stringify(page.items)}\n${serverLogs()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
