import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { adviceConfigOf } from './advice-config';

const env = (vars: Record<string, string>) =>
  parseEnv({ DATABASE_URL: 'postgresql://x@localhost/x', AUTH_SECRET: 'x'.repeat(32), ...vars });

describe('adviceConfigOf', () => {
  it('checks a real plant over the horizon in wall time', () => {
    expect(adviceConfigOf(env({ MQTT_URL: 'mqtt://broker:1883' }))).toMatchObject({
      horizonS: 14_400,
      members: 20,
      timeScale: 1,
      checkS: 14_400,
    });
  });

  it('follows the demo simulator 60× faster than the wall clock, unless told otherwise', () => {
    expect(adviceConfigOf(env({}))).toMatchObject({ timeScale: 60, checkS: 240 });
    expect(
      adviceConfigOf(
        env({
          ALARM_ADVICE_TIME_SCALE: '1',
          ALARM_ADVICE_CHECK_S: '600',
          ALARM_ADVICE_HORIZON_S: '7200',
        }),
      ),
    ).toMatchObject({ timeScale: 1, checkS: 600, horizonS: 7200, reportStepS: 900 });
  });

  it('refuses settings out of range', () => {
    expect(() => env({ ALARM_ADVICE_MEMBERS: '500' })).toThrow(/ALARM_ADVICE_MEMBERS/);
    expect(() => env({ ALARM_ADVICE_HORIZON_S: '60' })).toThrow(/ALARM_ADVICE_HORIZON_S/);
  });
});
