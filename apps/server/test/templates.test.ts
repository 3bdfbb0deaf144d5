// Every template in examples/flows, as a user meets it: picked from the gallery (the server stores
// it, shows its <<placeholders>> instead of "[redacted]" and flags each one, and refuses to activate
// it), then filled in and run once against a local stand-in for Slack, Stripe's receiver, a CRM, …
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, plainFetch } from './support/api';
import { order, orderFlowTo, type FlowJson } from './support/flows';
import { startSink, type ReceivedRequest, type Sink } from './support/sink';
import { startTestServer, type TestServer } from './support/test-server';

type Template = { id: string; name: string; description: string; document: FlowJson };
type Issue = { message: string; nodeId?: string; param?: string };
type Flow = FlowJson & { id: string; triggers: Array<{ url: string }>; validation?: { valid: boolean; errors: Issue[] }; errors?: Issue[] };
type Execution = { id: string; status: string; eventId: string };

const STRIPE_SECRET = 'whsec_template_test';
const GITHUB_SECRET = 'github-template-test';

describe('flow templates', () => {
  let server: TestServer;
  let sink: Sink;
  let templates: Template[];

  beforeAll(async () => {
    server = await startTestServer();
    sink = await startSink();
    templates = (await call<Template[]>(server.url, 'GET', '/api/templates')).body;
  });

  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  /** What each placeholder is filled with here; a template with a placeholder missing from this list fails. */
  const fillings = (): Record<string, string> => ({
    '<<your Slack incoming webhook URL>>': `${sink.url}/slack`,
    '<<your ledger API URL>>': `${sink.url}/ledger`,
    '<<your helpdesk API URL>>': `${sink.url}/helpdesk`,
    '<<your CRM API URL>>': `${sink.url}/crm`,
    '<<your shop API URL>>': `${sink.url}/sales`,
    "<<your app's API URL>>": `${sink.url}/usage`,
    '<<your mail API URL>>': `${sink.url}/mail`,
    '<<your Stripe webhook signing secret>>': STRIPE_SECRET,
    '<<your GitHub webhook secret>>': GITHUB_SECRET,
  });

  function filledIn(id: string): FlowJson {
    const template = templates.find((item) => item.id === id);
    if (!template) throw new Error(`no template ${id}`);
    const values = fillings();
    const text = JSON.stringify(template.document)
      .replace(/<<[^<>]*>>/g, (placeholder) => {
        const value = values[placeholder];
        if (value === undefined) throw new Error(`${id}: no filling for ${placeholder}`);
        return value;
      })
      .replaceAll('http://localhost:4000', sink.url);
    return JSON.parse(text) as FlowJson;
  }

  async function activated(document: FlowJson): Promise<Flow> {
    const created = await call<Flow>(server.url, 'POST', '/api/flows?source=template', document);
    expect(created.status).toBe(201);
    const flow = await call<Flow>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
    expect(flow.body.errors ?? []).toEqual([]);
    expect(flow.status).toBe(200);
    return flow.body;
  }

  function post(flow: Flow, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return plainFetch(flow.triggers[0].url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
  }

  async function receivedAt(path: string, count: number, since: number): Promise<ReceivedRequest[]> {
    const at = (): ReceivedRequest[] => sink.received.slice(since).filter((request) => request.url === path);
    await sink.waitForBodies(() => at().length >= count);
    return at();
  }

  async function executionsOf(flow: Flow): Promise<Execution[]> {
    await server.idle();
    return (await call<{ items: Execution[] }>(server.url, 'GET', `/api/executions?flowId=${flow.id}`)).body.items;
  }

  it('lists at least 8 templates, each with a name and a description that read well in the gallery', () => {
    expect(templates.length).toBeGreaterThanOrEqual(8);
    for (const template of templates) {
      expect(template.name.length, template.id).toBeLessThanOrEqual(60);
      expect(template.description.length, template.id).toBeGreaterThan(60);
    }
    const types = new Set(templates.flatMap((template) => template.document.nodes.map((node) => node.type)));
    expect([...types].sort()).toEqual(expect.arrayContaining(['code', 'delay', 'filter', 'http', 'merge', 'respond', 'schedule', 'slack', 'switch', 'transform', 'webhook']));
  });

  it('saves each template as picked, shows its placeholders as they are and flags each one until filled in', async () => {
    for (const template of templates) {
      const created = await call<Flow>(server.url, 'POST', '/api/flows?source=template', template.document);
      expect(created.status, template.id).toBe(201);
      const problems = created.body.validation?.errors ?? [];
      const placeholders = JSON.stringify(template.document).match(/<<[^<>]*>>/g) ?? [];
      expect(problems.length, template.id).toBe(placeholders.length);
      for (const problem of problems) expect(problem.message, template.id).toMatch(/contains the placeholder <<.+>>: replace it with your own value$/);
      expect(JSON.stringify(created.body)).not.toContain('[redacted]');
      if (placeholders.length > 0) {
        const activation = await call<{ errors: Issue[] }>(server.url, 'POST', `/api/flows/${created.body.id}/activate`);
        expect(activation.status, template.id).toBe(400);
      }
    }
    const pushes = templates.find((template) => template.id === 'github-push-to-slack');
    const saved = await call<Flow>(server.url, 'POST', '/api/flows', pushes?.document);
    const again = await call<Flow>(server.url, 'GET', `/api/flows/${saved.body.id}`);
    expect(again.body.nodes.find((node) => node.id === 'notify')?.params).toMatchObject({ webhookUrl: '<<your Slack incoming webhook URL>>' });
  });

  it('every template has a run below', () => {
    expect(templates.map((template) => template.id).sort()).toEqual(Object.keys(runs).sort());
  });

  const runs: Record<string, () => Promise<void>> = {
    'github-push-to-slack': async () => {
      const flow = await activated(filledIn('github-push-to-slack'));
      const since = sink.received.length;
      const push = { ref: 'refs/heads/main', pusher: { name: 'ada' }, commits: [{}, {}], repository: { full_name: 'acme/shop' }, head_commit: { message: 'Fix totals' }, compare: 'https://github.com/acme/shop/compare/a...b' };
      expect((await post(flow, push, { 'x-github-event': 'push' })).status).toBe(202);
      const [message] = await receivedAt('/slack', 1, since);
      expect(message.json()).toMatchObject({ text: 'ada pushed 2 commit(s) to acme/shop: Fix totals https://github.com/acme/shop/compare/a...b' });
    },

    'order-to-http': async () => {
      const flow = await activated(filledIn('order-to-http'));
      const since = sink.received.length;
      expect((await post(flow, order(250, 'T-250'))).status).toBe(202);
      const [sent] = await receivedAt('/orders', 1, since);
      expect(sent.json()).toMatchObject({ order: 'T-250', total: 250, email: 'ada@example.com' });
    },

    'slack-slash-command': async () => {
      const flow = await activated(filledIn('slack-slash-command'));
      const since = sink.received.length;
      const form = new URLSearchParams({ command: '/order', text: 'A-42', user_name: 'ada', response_url: `${sink.url}/slack-response` });
      const answer = await post(flow, form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
      expect(await answer.json()).toEqual({ response_type: 'ephemeral', text: 'Looking up order A-42 for ada…' });
      await receivedAt('/slack-response', 1, since);
    },

    'stripe-payments-by-type': async () => {
      const flow = await activated(filledIn('stripe-payments-by-type'));
      const since = sink.received.length;
      const stripe = async (id: string, type: string, object: Record<string, unknown>): Promise<number> => {
        const body = JSON.stringify({ id, type, data: { object: { currency: 'eur', metadata: { order_id: 'O-7' }, ...object } } });
        const timestamp = Math.floor(Date.now() / 1000);
        const signature = createHmac('sha256', STRIPE_SECRET).update(`${timestamp}.${body}`).digest('hex');
        return (await post(flow, body, { 'stripe-signature': `t=${timestamp},v1=${signature}` })).status;
      };
      expect(await stripe('evt_1', 'payment_intent.succeeded', { id: 'pi_1', amount: 4200 })).toBe(202);
      expect(await stripe('evt_2', 'charge.refunded', { id: 'ch_1', amount_refunded: 1000 })).toBe(202);
      expect(await stripe('evt_3', 'payment_intent.payment_failed', { id: 'pi_2', last_payment_error: { message: 'card declined' } })).toBe(202);
      expect(await stripe('evt_4', 'customer.created', { id: 'cus_1' })).toBe(202);
      expect((await post(flow, { id: 'evt_5', type: 'payment_intent.succeeded' })).status).toBe(401);
      const entries = (await receivedAt('/ledger/entries', 3, since)).map((request) => request.json());
      expect(entries).toEqual(
        expect.arrayContaining([
          { entry: { kind: 'payment', order: 'O-7', amount: '42', currency: 'EUR', stripeId: 'pi_1' }, stripeEvent: 'evt_1' },
          { entry: { kind: 'refund', order: 'O-7', amount: '10', currency: 'EUR', stripeId: 'ch_1' }, stripeEvent: 'evt_2' },
          { entry: { kind: 'failed', order: 'O-7', amount: '0', currency: 'EUR', reason: 'card declined', stripeId: 'pi_2' }, stripeEvent: 'evt_3' },
        ]),
      );
      expect((await executionsOf(flow)).map((execution) => execution.status).sort()).toEqual(['filtered', 'success', 'success', 'success']);
    },

    'contact-form-reply': async () => {
      const flow = await activated(filledIn('contact-form-reply'));
      const since = sink.received.length;
      const refused = await post(flow, { name: 'Ada', email: 'not an address', message: 'hi' });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ ok: false, message: 'Please give an email address we can answer. Please tell us in a few words what you need.' });
      const form = new URLSearchParams({ name: 'Ada', email: 'Ada@Example.com', message: 'Can I get an invoice for order 42?' });
      const thanked = await post(flow, form.toString(), { 'content-type': 'application/x-www-form-urlencoded' });
      expect(thanked.status).toBe(200);
      const answer = (await thanked.json()) as { ok: boolean; reference: string; message: string };
      expect(answer).toMatchObject({ ok: true, reference: expect.stringMatching(/^C-/) });
      expect(answer.message).toBe(`Thanks Ada! We answer within one working day. Your reference: ${answer.reference}.`);
      const [ticket] = await receivedAt('/helpdesk/tickets', 1, since);
      expect(ticket.json()).toEqual({ reference: answer.reference, requester: { name: 'Ada', email: 'ada@example.com' }, message: 'Can I get an invoice for order 42?', source: 'contact form' });
    },

    'typeform-lead-to-crm': async () => {
      const document = filledIn('typeform-lead-to-crm');
      const crm = document.nodes.find((node) => node.id === 'crm');
      if (crm) crm.params = { ...crm.params, retry: { attempts: 1, backoffMs: 10 } };
      const flow = await activated(document);
      const since = sink.received.length;
      const response = (email: string) => ({
        event_type: 'form_response',
        form_response: {
          submitted_at: '2026-12-01T10:00:00Z',
          hidden: { utm_source: 'newsletter' },
          answers: [
            { type: 'text', text: 'Ada Lovelace', field: { ref: 'name' } },
            { type: 'email', email, field: { ref: 'email' } },
            { type: 'choice', choice: { label: '11-50' }, field: { ref: 'team_size' } },
          ],
        },
      });
      expect((await post(flow, response('Ada@Example.com'))).status).toBe(202);
      const [contact] = await receivedAt('/crm/contacts', 1, since);
      expect(contact.json()).toEqual({ email: 'ada@example.com', name: 'Ada Lovelace', company: '', custom: { teamSize: '11-50', source: 'newsletter' } });
      sink.answers.push(503);
      expect((await post(flow, response('grace@example.com'))).status).toBe(202);
      const [alert] = await receivedAt('/slack', 1, since);
      expect((alert.json() as { text: string }).text).toMatch(/^:warning: Could not add the lead Ada Lovelace <grace@example.com> to the CRM: .*503/);
      expect((await executionsOf(flow)).map((execution) => execution.status)).toEqual(['success', 'success']);
    },

    'alert-on-failure': async () => {
      const alerts = await activated(filledIn('alert-on-failure'));
      const failing = { ...orderFlowTo(`${sink.url}/warehouse`), name: 'Orders that fail', settings: { onErrorFlowId: alerts.id } };
      const warehouse = failing.nodes.find((node) => node.id === 'warehouse');
      if (warehouse) warehouse.params = { ...warehouse.params, retry: { attempts: 1, backoffMs: 10 } };
      const flow = await activated(failing);
      const since = sink.received.length;
      sink.answers.push(500);
      expect((await post(flow, order(300, 'F-1'))).status).toBe(202);
      const [alert] = await receivedAt('/slack', 1, since);
      expect((alert.json() as { text: string }).text).toMatch(/^:rotating_light: Flow \*Orders that fail\* failed at node `warehouse`: .*500[\s\S]*Execution [0-9a-f-]+, started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$/);
    },

    'github-pull-requests': async () => {
      const flow = await activated(filledIn('github-pull-requests'));
      const since = sink.received.length;
      const github = async (event: string, body: Record<string, unknown>, delivery: string): Promise<number> => {
        const text = JSON.stringify({ repository: { full_name: 'acme/shop' }, ...body });
        const signature = `sha256=${createHmac('sha256', GITHUB_SECRET).update(text).digest('hex')}`;
        return (await post(flow, text, { 'x-github-event': event, 'x-github-delivery': delivery, 'x-hub-signature-256': signature })).status;
      };
      const pull = { title: 'Faster checkout', html_url: 'https://github.com/acme/shop/pull/7', user: { login: 'ada' }, base: { ref: 'main' }, merged_by: { login: 'grace' } };
      expect(await github('pull_request', { action: 'opened', number: 7, pull_request: { ...pull, merged: false } }, 'd-1')).toBe(202);
      expect(await github('pull_request', { action: 'closed', number: 7, pull_request: { ...pull, merged: true } }, 'd-2')).toBe(202);
      expect(await github('issues', { action: 'opened' }, 'd-3')).toBe(202);
      const texts = (await receivedAt('/slack', 2, since)).map((request) => (request.json() as { text: string }).text);
      expect(texts).toEqual(
        expect.arrayContaining([
          'ada opened <https://github.com/acme/shop/pull/7|#7 Faster checkout> in acme/shop. Who can review it?',
          ':rocket: <https://github.com/acme/shop/pull/7|#7 Faster checkout> was merged into main by grace.',
        ]),
      );
      expect((await executionsOf(flow)).map((execution) => execution.status).sort()).toEqual(['filtered', 'success', 'success']);
    },
    'daily-digest-to-slack': async () => {
      // Every second instead of weekdays at 9:00, so the test sees a tick.
      const document = filledIn('daily-digest-to-slack');
      document.nodes[0].params = { ...document.nodes[0].params, cron: '* * * * * *' };
      const flow = await activated(document);
      expect(flow.triggers).toEqual([]);
      const since = sink.received.length;
      const [digest] = await receivedAt('/slack', 1, since);
      expect((digest.json() as { text: string }).text).toMatch(/^:sunrise: Sales digest for \d{4}-\d{2}-\d{2}: 0 orders, 0 EUR\.$/);
      await call(server.url, 'POST', `/api/flows/${flow.id}/deactivate`);
      const [asked] = sink.received.slice(since).filter((request) => request.url.startsWith('/sales?day='));
      expect(asked.method).toBe('GET');
    },
    'trial-follow-up': async () => {
      // A one-second wait instead of three days.
      const document = filledIn('trial-follow-up');
      const wait = document.nodes.find((node) => node.id === 'wait');
      if (wait) wait.params = { mode: 'duration', amount: 1, unit: 'seconds' };
      const flow = await activated(document);
      const since = sink.received.length;
      expect((await post(flow, { accountId: 'acc-9', email: 'ada@example.com', name: 'Ada', startedAt: '2026-12-01T10:00:00Z' })).status).toBe(202);
      // The run waited, then went on: it asked the app, which (here) reports no projects field, so no mail.
      await receivedAt('/usage?account=acc-9', 1, since);
      await expect.poll(async () => (await executionsOf(flow)).map((run) => run.status), { timeout: 10_000 }).toEqual(['filtered']);
    },
  };

  for (const [id, run] of Object.entries(runs)) {
    it(`runs "${id}" once, filled in, against local stand-ins`, run);
  }
});
