import type { Principal } from '@twinhelm/contracts';
import type { z } from 'zod';
import { appContext, type AppContext } from '../app-context';
import { badRequest, isHttpError, payloadTooLarge } from './http-error';

/**
 * The shared shape of every route handler: authenticate, run, serialise. A handler returns
 * data (200 JSON), undefined (204) or a Response; any thrown HttpError becomes ApiErrorSchema.
 */
type Params = Record<string, string>;
interface RouteArgs<P> {
  req: Request;
  params: P;
  context: AppContext;
}
type Handler<P> = (req: Request, route: { params: Promise<P> }) => Promise<Response>;

export function publicRoute<P extends Params = Params>(
  run: (args: RouteArgs<P>) => Promise<unknown>,
): Handler<P> {
  return async (req, route) => {
    try {
      return toResponse(await run({ req, params: await route.params, context: appContext() }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export function authedRoute<P extends Params = Params>(
  run: (args: RouteArgs<P> & { principal: Principal }) => Promise<unknown>,
  options: { status?: number } = {},
): Handler<P> {
  return publicRoute<P>(async (args) => {
    const principal = await args.context.auth.authenticate({
      authorization: args.req.headers.get('authorization'),
      cookie: args.req.headers.get('cookie'),
    });
    const result = await run({ ...args, principal });
    return options.status && !(result instanceof Response)
      ? Response.json(result, { status: options.status })
      : result;
  });
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({
    path: i.path.join('.') || where,
    message: i.message,
  }));
  const first = details[0];
  throw badRequest(`invalid ${where}${first ? `: ${first.path}: ${first.message}` : ''}`, details);
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

/** The body as text, refusing more than maxBytes with 413 before reading it all. */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    payloadTooLarge(
      `request body larger than ${Math.round(maxBytes / 1024 / 1024)} MB: send a smaller file`,
    );
  if (declared > maxBytes) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  return text;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(
      `body is not valid JSON (${e instanceof Error ? e.message : String(e)}): send application/json`,
    );
  }
}

function toResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (result === undefined) return new Response(null, { status: 204 });
  return Response.json(result);
}

export function errorResponse(error: unknown): Response {
  if (isHttpError(error)) {
    const headers: Record<string, string> = error.retryAfterS
      ? { 'Retry-After': String(error.retryAfterS) }
      : {};
    const body = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      },
    };
    return Response.json(body, { status: error.status, headers });
  }
  console.error('[bff] unhandled error in route handler', error);
  return Response.json(
    { error: { code: 'internal', message: 'internal error: the server log has the details' } },
    { status: 500 },
  );
}
