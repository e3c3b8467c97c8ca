import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { PrismaClient } from '../generated/prisma/client';
import { authenticate } from './authenticate';
import { CLIENT_IP_HEADER, type AuthRuntime } from './auth-runtime';
import {
  DEFAULT_LOGIN_LIMIT,
  LoginRateLimiter,
  type LoginRateLimiterOptions,
} from './login-rate-limiter';
import { verifyLogin } from './verify-login';

export interface AuthDeps {
  prisma: PrismaClient;
  /** AUTH_SECRET, or the generated one server.ts persists in the data dir in demo mode. */
  secret: string;
  /** Session lifetime, seconds (default 12 h). */
  sessionMaxAgeS?: number;
  loginLimit?: Omit<LoginRateLimiterOptions, 'clock'>;
  clock?: () => number;
}

export const DEFAULT_SESSION_MAX_AGE_S = 12 * 60 * 60;

export function createAuth(deps: AuthDeps): AuthRuntime {
  const clock = deps.clock ?? Date.now;
  const limiter = new LoginRateLimiter({ ...(deps.loginLimit ?? DEFAULT_LOGIN_LIMIT), clock });
  const maxAge = deps.sessionMaxAgeS ?? DEFAULT_SESSION_MAX_AGE_S;
  const nextAuthOptions: AuthOptions = {
    secret: deps.secret,
    session: { strategy: 'jwt', maxAge },
    jwt: { maxAge },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Twinhelm',
        credentials: {
          username: { label: 'Username', type: 'text' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const header = req.headers?.[CLIENT_IP_HEADER] as string | undefined;
          const user = await verifyLogin(
            { prisma: deps.prisma, limiter, clock },
            {
              username: credentials?.username ?? '',
              password: credentials?.password ?? '',
              ip: header ?? 'unknown',
            },
          );
          return { id: user.id, name: user.username, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { name: token.name ?? null, email: null, image: null };
        return { ...session, role: token.role };
      },
    },
  };
  return {
    nextAuthOptions,
    authenticate: (credentials) =>
      authenticate({ prisma: deps.prisma, secret: deps.secret, clock }, credentials),
  };
}
