// Test servers start with an owner (OWNER_EMAIL / OWNER_PASSWORD), sign in through the real API
// and make an API key, which api.ts then adds to every /api request to that server.
import { plainFetch, registerApiKey } from './api';

export const TEST_OWNER = { email: 'owner@hookflow.test', password: 'owner-password-for-tests' };

/** The environment that makes the test owner at first start, unless the test chose otherwise. */
export function withTestOwner(env: Record<string, string>): Record<string, string> {
  return { OWNER_EMAIL: TEST_OWNER.email, OWNER_PASSWORD: TEST_OWNER.password, ...env };
}

/** Signs in as the env's owner, when it names one, and registers a fresh API key for base. */
export async function signInTestOwner(base: string, env: Record<string, string>): Promise<string | undefined> {
  const email = env.OWNER_EMAIL;
  const password = env.OWNER_PASSWORD;
  if (!email || !password) return undefined;
  const cookie = await sessionCookie({ base, email, password });
  const created = await plainFetch(`${base}/api/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-hookflow-csrf': '1' },
    body: JSON.stringify({ name: 'tests' }),
  });
  const answer: unknown = await created.json();
  if (!created.ok || typeof answer !== 'object' || answer === null || !('key' in answer) || typeof answer.key !== 'string') {
    throw new Error(`test sign-in could not make an API key: ${created.status} ${JSON.stringify(answer)}`);
  }
  registerApiKey(base, answer.key);
  return answer.key;
}

/** Signs in and answers the Cookie header value of the new session. */
export async function sessionCookie({ base, email, password }: { base: string; email: string; password: string }): Promise<string> {
  const login = await plainFetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!login.ok) throw new Error(`test sign-in failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().find((line) => line.startsWith('hookflow_session='));
  if (!cookie) throw new Error('test sign-in got no session cookie');
  return cookie.split(';')[0]!;
}
