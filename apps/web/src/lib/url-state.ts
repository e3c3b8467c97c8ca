import { AssetIdSchema, SiteIdSchema } from '@twinhelm/contracts';

export type ConsoleParams =
  { ok: true; siteId: string; assetId: string | null } | { ok: false; error: string };

/** Reads ?site=<id>[&asset=<id>] of /console; a malformed asset id is dropped, not fatal. */
export function parseConsoleParams(params: Pick<URLSearchParams, 'get'>): ConsoleParams {
  const site = params.get('site');
  if (site === null || site === '') {
    return {
      ok: false,
      error: 'No site chosen: open the console from the site list (/console?site=<id>).',
    };
  }
  const parsedSite = SiteIdSchema.safeParse(site);
  if (!parsedSite.success) {
    return {
      ok: false,
      error: `"${site}" is not a site id (lower-case letters, digits, "_" and "-"). Pick a site from the list.`,
    };
  }
  const asset = params.get('asset');
  const assetId = asset !== null && AssetIdSchema.safeParse(asset).success ? asset : null;
  return { ok: true, siteId: parsedSite.data, assetId };
}

/** /console?site=<id>[&asset=<id>] */
export function consoleHref(siteId: string, assetId?: string | null): string {
  const params = new URLSearchParams({ site: siteId });
  if (assetId) params.set('asset', assetId);
  return `/console?${params.toString()}`;
}

/**
 * The path to return to after signing in: only same-origin paths ("/…", not "//host" or
 * "/\host"), never the login page itself; anything else falls back to "/".
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if ([...next].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  const path = next.split(/[?#]/, 1)[0] ?? '/';
  if (path === '/login' || path.startsWith('/login/')) return '/';
  return next;
}

/** /login?next=<current path and query>; the login page itself maps to plain /login. */
export function loginHref(current: { pathname: string; search: string }): string {
  const next = safeNextPath(`${current.pathname}${current.search}`);
  return next === '/' ? '/login' : `/login?${new URLSearchParams({ next }).toString()}`;
}
