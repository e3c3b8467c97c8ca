import { describe, expect, it } from 'vitest';
import { parseCliConfig } from './cli-config';

describe('parseCliConfig', () => {
  it('reads every flag and applies defaults', () => {
    expect(
      parseCliConfig([
        '--url',
        'mqtt://broker:1883',
        '--site',
        'ctown',
        '--seed',
        '7',
        '--speedup',
        '120',
        '--duration-s',
        '30',
        '--username',
        'sim',
        '--password',
        'pw',
      ]),
    ).toMatchObject({
      url: 'mqtt://broker:1883',
      site: 'ctown',
      inp: 'data/networks/CTOWN.INP',
      seed: 7,
      speedup: 120,
      intervalMs: 1000,
      faults: true,
      durationS: 30,
      username: 'sim',
      password: 'pw',
    });
    expect(parseCliConfig(['--no-faults']).faults).toBe(false);
  });

  it('names the bad flag and shows the usage', () => {
    expect(() => parseCliConfig(['--speedup', '0'])).toThrow(/--speedup must be > 0[\s\S]*Usage/);
    expect(() => parseCliConfig(['--seed', '1.5'])).toThrow(/--seed must be an integer/);
    expect(() => parseCliConfig(['--url', 'http://x'])).toThrow(/--url must be a broker URL/);
    expect(() => parseCliConfig(['--site', 'C Town'])).toThrow(/site/);
    expect(() => parseCliConfig(['--bogus'])).toThrow(/Unknown option '--bogus'[\s\S]*Usage/);
  });
});
