import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleRedirect, resolveSpaFile } from './spa-files';

describe('SPA routes', () => {
  const out = mkdtempSync(join(tmpdir(), 'spa-'));
  writeFileSync(join(out, 'index.html'), 'home');
  writeFileSync(join(out, 'console.html'), 'console');
  mkdirSync(join(out, 'login'));
  writeFileSync(join(out, 'login', 'index.html'), 'login');
  mkdirSync(join(out, '_next'));
  writeFileSync(join(out, '_next', 'app.js'), 'js');

  it('maps routes to x.html or x/index.html', async () => {
    expect(await resolveSpaFile(out, '/')).toBe(join(out, 'index.html'));
    expect(await resolveSpaFile(out, '/console')).toBe(join(out, 'console.html'));
    expect(await resolveSpaFile(out, '/login')).toBe(join(out, 'login', 'index.html'));
    expect(await resolveSpaFile(out, '/_next/app.js')).toBe(join(out, '_next', 'app.js'));
    expect(await resolveSpaFile(out, '/nope')).toBeNull();
  });

  it('never leaves the export directory', async () => {
    for (const bad of [
      '/../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/a/../../x',
      '/%00',
      '/%E0%A4%A',
    ]) {
      expect(await resolveSpaFile(out, bad)).toBeNull();
    }
  });

  it('redirects deep links to the console', () => {
    expect(consoleRedirect('/sites/ctown')).toBe('/console?site=ctown');
    expect(consoleRedirect('/sites/ctown/assets/T1')).toBe('/console?site=ctown&asset=T1');
    expect(consoleRedirect('/sites/ctown/assets/a%26b')).toBe('/console?site=ctown&asset=a%26b');
    expect(consoleRedirect('/sites')).toBeNull();
    expect(consoleRedirect('/console')).toBeNull();
  });
});
