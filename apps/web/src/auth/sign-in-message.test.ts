import { describe, expect, it } from 'vitest';
import { signInMessage } from './sign-in-message';

describe('signInMessage', () => {
  it('is null on success', () => {
    expect(signInMessage({ ok: true, status: 200, error: null })).toBeNull();
  });
  it('explains wrong credentials', () => {
    expect(signInMessage({ ok: false, status: 401, error: 'CredentialsSignin' })).toMatch(
      /Wrong username or password/,
    );
    expect(signInMessage({ ok: true, status: 200, error: 'CredentialsSignin' })).toMatch(
      /Wrong username or password/,
    );
  });
  it('says to wait when rate limited', () => {
    expect(signInMessage({ ok: false, status: 429, error: null })).toMatch(
      /Too many sign-in attempts/,
    );
    expect(signInMessage({ ok: false, status: 200, error: 'RateLimited' })).toMatch(/Too many/);
  });
  it('covers server errors and no answer', () => {
    expect(signInMessage({ ok: false, status: 503, error: null })).toMatch(/HTTP 503/);
    expect(signInMessage(undefined)).toMatch(/did not answer/);
    expect(signInMessage({ ok: false, status: 400, error: 'Configuration' })).toMatch(
      /Configuration/,
    );
  });
});
