import { decode, type JWT } from 'next-auth/jwt';

/** next-auth v4's session cookie: `__Secure-` prefixed over https, split into `.0`, `.1`… when large. */
const COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

export function sessionTokenFromCookies(header: string | null | undefined): string | undefined {
  const cookies = parseCookieHeader(header);
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return whole;
    const chunks: string[] = [];
    for (let i = 0; cookies.has(`${name}.${i}`); i++)
      chunks.push(cookies.get(`${name}.${i}`) ?? '');
    if (chunks.length > 0) return chunks.join('');
  }
  return undefined;
}

/** The session's JWT payload, or null when missing, forged, or expired. */
export async function readSession(
  cookieHeader: string | null | undefined,
  secret: string,
): Promise<JWT | null> {
  const token = sessionTokenFromCookies(cookieHeader);
  if (!token) return null;
  try {
    return await decode({ token, secret });
  } catch {
    return null;
  }
}
