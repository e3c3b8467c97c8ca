import type { AuthOptions } from 'next-auth';
import type { Principal } from '@twinhelm/contracts';

/** What a request carries that may identify its caller. */
export interface RequestCredentials {
  authorization: string | null | undefined;
  cookie: string | null | undefined;
}

/** Built outside Next (src/auth/create-auth.ts) and handed to route handlers via AppContext. */
export interface AuthRuntime {
  /** The next-auth options app/api/auth/[...nextauth] serves. */
  nextAuthOptions: AuthOptions;
  /** The caller, from the bearer token or the session cookie; throws a 401 HttpError otherwise. */
  authenticate(credentials: RequestCredentials): Promise<Principal>;
}

/** The header the BFF's HTTP server sets to the socket's remote address (clients cannot forge it). */
export const CLIENT_IP_HEADER = 'x-twinhelm-client-ip';
