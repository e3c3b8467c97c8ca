import { ApiErrorSchema } from '@twinhelm/contracts';

/** Where in the input a refusal applies (a JSON path such as `scenario.perturbations.0.endS`). */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** A failed API call: the HTTP status, the server's code and its message (which says what to do). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterS: number | null = null,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Builds the error for a non-2xx response from its status, body text and Retry-After header. */
export function apiErrorFrom(
  path: string,
  status: number,
  bodyText: string,
  retryAfter: string | null,
): ApiRequestError {
  const retryAfterS =
    retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null;
  const parsed = ApiErrorSchema.safeParse(parseJson(bodyText));
  if (parsed.success) {
    return new ApiRequestError(
      status,
      parsed.data.error.code,
      parsed.data.error.message,
      retryAfterS,
      parsed.data.error.details ?? [],
    );
  }
  const fallback: Record<number, string> = {
    401: 'Your session has ended: sign in again.',
    403: 'Your role does not allow this: ask an administrator.',
    404: `${path} was not found.`,
    429: 'Too many requests: wait a moment and try again.',
  };
  const message =
    fallback[status] ??
    `${path} failed with HTTP ${status}; try again, and tell your administrator if it persists.`;
  return new ApiRequestError(status, `http_${status}`, message, retryAfterS);
}

/** Whether retrying can help (not for 4xx other than 408/429). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return true;
  return error.status >= 500 || error.status === 408 || error.status === 429 || error.status === 0;
}
