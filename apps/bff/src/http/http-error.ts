/**
 * An error that becomes an HTTP response (ApiErrorSchema). Route handlers are bundled by Next
 * separately from the services that throw these, so `instanceof` cannot be trusted across the
 * two module graphs: errors are recognised by a process-wide brand instead.
 */
const BRAND = Symbol.for('twinhelm.http-error');

export interface ErrorDetail {
  path: string;
  message: string;
}

export class HttpError extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    /** Seconds, for 429 responses (Retry-After). */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Record<symbol, unknown>)[BRAND] === true
  );
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new HttpError(400, 'bad_request', message, details);
export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const payloadTooLarge = (message: string) =>
  new HttpError(413, 'payload_too_large', message);
export const tooManyRequests = (message: string, retryAfterS: number) =>
  new HttpError(429, 'rate_limited', message, undefined, retryAfterS);
