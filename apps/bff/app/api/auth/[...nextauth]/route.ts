import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { appContext } from '../../../../src/app-context';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints (/api/auth/csrf, /callback/credentials, /session, /signout…). */
async function handler(req: NextRequest, context: RouteContext): Promise<Response> {
  return (await NextAuth(req, context, appContext().auth.nextAuthOptions)) as Response;
}

export { handler as GET, handler as POST };
