/** What next-auth's signIn(…, { redirect: false }) resolves to. */
export interface SignInOutcome {
  ok: boolean;
  status: number;
  error: string | null | undefined;
}

/** null when signed in; otherwise the sentence to show under the form. */
export function signInMessage(outcome: SignInOutcome | undefined): string | null {
  if (outcome === undefined)
    return 'The sign-in service did not answer: try again, or contact your administrator.';
  if (outcome.status === 429 || outcome.error === 'RateLimited') {
    return 'Too many sign-in attempts: wait a minute, then try again.';
  }
  if (outcome.ok && !outcome.error) return null;
  if (outcome.error === 'CredentialsSignin' || outcome.status === 401) {
    return 'Wrong username or password. Check both (passwords are case-sensitive) and try again.';
  }
  if (outcome.status >= 500) {
    return `The server could not sign you in (HTTP ${outcome.status}): try again in a moment.`;
  }
  return `Sign-in failed (${outcome.error ?? `HTTP ${outcome.status}`}): try again, or contact your administrator.`;
}
