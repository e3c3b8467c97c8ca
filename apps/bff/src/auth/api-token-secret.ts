import { createHash, randomBytes } from 'node:crypto';

/** API tokens: `thk_` + 32 random bytes (base64url). Only the sha-256 hash is stored. */
export const API_TOKEN_PREFIX = 'thk_';
const TOKEN_PATTERN = /^thk_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(random: (n: number) => Buffer = randomBytes): string {
  return API_TOKEN_PREFIX + random(32).toString('base64url');
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function looksLikeApiToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** What is kept in clear to tell tokens apart in lists: the prefix and 4 characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 4);
}
