import { describe, expect, it } from 'vitest';
import { ApiRequestError, apiErrorFrom, isRetryable } from './api-error';

describe('apiErrorFrom', () => {
  it('keeps the server code and message', () => {
    const body = JSON.stringify({
      error: {
        code: 'unknown_asset',
        message: 'J511: unknown asset in site ctown (did you mean J512?)',
      },
    });
    const err = apiErrorFrom('/api/sites/ctown/assets/J511', 404, body, null);
    expect(err).toMatchObject({
      status: 404,
      code: 'unknown_asset',
      message: expect.stringContaining('J512') as unknown,
    });
  });
  it('reads Retry-After seconds', () => {
    expect(apiErrorFrom('/api/x', 429, '', '30').retryAfterS).toBe(30);
    expect(apiErrorFrom('/api/x', 429, '', 'Wed, 21 Oct 2026 07:28:00 GMT').retryAfterS).toBeNull();
  });
  it('explains statuses when the body is not an API error', () => {
    expect(apiErrorFrom('/api/x', 401, '<html>', null).message).toMatch(/sign in/);
    expect(apiErrorFrom('/api/x', 502, '{"oops":1}', null).message).toMatch(/HTTP 502/);
  });
});

describe('isRetryable', () => {
  it('retries server and network errors, not client errors', () => {
    expect(isRetryable(new ApiRequestError(503, 'x', 'x'))).toBe(true);
    expect(isRetryable(new ApiRequestError(404, 'x', 'x'))).toBe(false);
    expect(isRetryable(new ApiRequestError(401, 'x', 'x'))).toBe(false);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
  });
});
