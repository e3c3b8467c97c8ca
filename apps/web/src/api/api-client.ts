import { loginHref } from '../lib/url-state';
import { ApiRequestError, apiErrorFrom } from './api-error';

/** What apiGet needs of a contract schema (zod's safeParse). */
export interface ResponseSchema<T> {
  safeParse(data: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

/** Sends the browser to /login, remembering the page it was on. */
export function redirectToLogin(): void {
  if (window.location.pathname === '/login') return;
  window.location.assign(loginHref(window.location));
}

/**
 * GET a same-origin API path and validate the body with its contract schema. A 401 sends the
 * user to /login?next=<current page>; other failures throw ApiRequestError with the server's
 * message.
 */
export async function apiGet<T>(
  path: string,
  schema: ResponseSchema<T>,
  signal?: AbortSignal,
): Promise<T> {
  const res = await fetch(path, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    signal,
  });
  return readResponse(path, res, schema);
}

/**
 * POST (or another method) a JSON body to a same-origin API path and validate the answer like
 * apiGet. A refusal throws ApiRequestError with the server's message and its details (where in
 * the input), so a form can show them next to its fields.
 */
export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: ResponseSchema<T>,
): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return readResponse(path, res, schema);
}

async function readResponse<T>(path: string, res: Response, schema: ResponseSchema<T>): Promise<T> {
  if (!res.ok) {
    const error = apiErrorFrom(path, res.status, await res.text(), res.headers.get('retry-after'));
    if (res.status === 401) redirectToLogin();
    throw error;
  }
  const text = await res.text();
  const parsed = schema.safeParse(text === '' ? {} : (JSON.parse(text) as unknown));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiRequestError(
      res.status,
      'bad_response',
      `${path} answered in an unexpected shape (${issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid'}); the server and console versions may differ: reload the page.`,
    );
  }
  return parsed.data;
}
