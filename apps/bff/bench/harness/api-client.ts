import { CreatedApiTokenSchema, type Role } from '@twinhelm/contracts';
import type { z } from 'zod';

/** The demo administrator (README "Demo accounts"). */
export const DEMO_ADMIN = { username: 'admin', password: 'twinhelm-admin' };

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
}

/** Signs in through next-auth's credentials flow (csrf → callback); returns the Cookie header. */
export async function signIn(
  baseUrl: string,
  credentials: { username: string; password: string } = DEMO_ADMIN,
): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
    body: new URLSearchParams({ csrfToken, ...credentials, json: 'true' }).toString(),
  });
  await callback.body?.cancel();
  const session = cookiesOf(callback).find((c) => c.includes('session-token='));
  if (!session)
    throw new Error(
      `sign-in as ${credentials.username} failed (${callback.status}): check the demo accounts exist (DEMO=on)`,
    );
  return [...jar, session].join('; ');
}

/** Creates an API token through POST /api/tokens with a signed-in administrator's cookie. */
export async function createApiToken(
  baseUrl: string,
  cookie: string,
  input: { name: string; role: Role },
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(input),
  });
  if (response.status !== 201)
    throw new Error(`POST /api/tokens answered ${response.status}: ${await response.text()}`);
  return CreatedApiTokenSchema.parse(await response.json()).token;
}

/** GET with a bearer token, parsed with the contract's schema. */
export async function getJson<S extends z.ZodType>(
  baseUrl: string,
  path: string,
  token: string,
  schema: S,
): Promise<z.infer<S>> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok)
    throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return schema.parse(await response.json());
}
