import { signIn, signOut } from 'next-auth/react';
import { signInMessage } from './sign-in-message';

/**
 * Signs in with the credentials provider without leaving the page. Resolves to null on success
 * or to the message to show. A rate-limited or malformed reply makes next-auth throw; that is
 * reported as a message, never as an unhandled rejection.
 */
export async function signInWithPassword(
  username: string,
  password: string,
): Promise<string | null> {
  try {
    const outcome = await signIn('credentials', { username, password, redirect: false });
    return signInMessage(outcome);
  } catch (error) {
    return `Sign-in failed: ${error instanceof Error ? error.message : String(error)}. Wait a moment and try again.`;
  }
}

/** Ends the session and goes to /login. */
export async function signOutAndLeave(): Promise<void> {
  try {
    await signOut({ redirect: false });
  } finally {
    window.location.assign('/login');
  }
}
