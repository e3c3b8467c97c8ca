import type { Principal, Role } from '@twinhelm/contracts';
import type { AppContext } from '../../app-context';
import { setAppContext } from '../../app-context';
import { unauthorized } from '../../http/http-error';

type Handler<P> = (req: Request, route: { params: Promise<P> }) => Promise<Response>;

/**
 * Makes `context` the process's AppContext with an auth that takes `Bearer <role>` as that
 * role, so route handlers can be called as functions (no Next build needed).
 */
export function useRouteContext(context: AppContext): void {
  context.auth = {
    nextAuthOptions: { providers: [] },
    authenticate: ({ authorization }) => {
      const role = authorization?.replace(/^Bearer /, '') as Role | undefined;
      if (!role) return Promise.reject(unauthorized('sign in'));
      const principal: Principal = { kind: 'token', id: role, name: role, role };
      return Promise.resolve(principal);
    },
  };
  setAppContext(context);
}

/** Calls a route handler as Next would, as `role`. */
export function callRoute<P extends Record<string, string>>(
  handler: Handler<P>,
  options: { role: Role; params: P; method?: string; query?: string; body?: unknown },
): Promise<Response> {
  const url = `http://localhost/api/x${options.query ? `?${options.query}` : ''}`;
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const req = new Request(url, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${options.role}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
  return handler(req, { params: Promise.resolve(options.params) });
}
