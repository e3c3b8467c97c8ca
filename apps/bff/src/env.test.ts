import { describe, expect, it } from 'vitest';
import { DEMO_MQTT_PASSWORD, parseEnv } from './env';

describe('parseEnv', () => {
  it('defaults to the embedded database and broker, demo mode and the simulator', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      embeddedDatabase: true,
      embeddedBroker: true,
      demo: true,
      simulator: true,
      mqttPort: 1883,
      mqttPortExplicit: false,
      mqttUrl: 'mqtt://127.0.0.1:1883',
      mqttPassword: DEMO_MQTT_PASSWORD,
    });
  });

  it('uses external services when their URLs are set, with demo and simulator off', () => {
    const env = parseEnv({
      DATABASE_URL: 'postgresql://u:p@db:5432/twinhelm',
      MQTT_URL: 'mqtt://broker:1883',
      AUTH_SECRET: 'x'.repeat(32),
    });
    expect(env).toMatchObject({
      embeddedDatabase: false,
      embeddedBroker: false,
      demo: false,
      simulator: false,
    });
    expect(env.mqttUrl).toBe('mqtt://broker:1883');
    expect(env.mqttPassword).toBeUndefined();
  });

  it('requires AUTH_SECRET outside demo mode, and says how to make one', () => {
    expect(() => parseEnv({ DATABASE_URL: 'postgresql://db/twinhelm' })).toThrow(
      /AUTH_SECRET is required.*openssl rand/,
    );
  });

  it('names every invalid variable and the reason', () => {
    expect(() => parseEnv({ PORT: 'eighty', MQTT_URL: 'http://x', DEMO: 'maybe' })).toThrow(
      /PORT:[\s\S]*MQTT_URL:[\s\S]*DEMO:/,
    );
  });

  it('wants the initial admin as a pair', () => {
    expect(() =>
      parseEnv({
        DATABASE_URL: 'postgresql://db/t',
        AUTH_SECRET: 'y'.repeat(32),
        INITIAL_ADMIN_USERNAME: 'root',
      }),
    ).toThrow(/INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD/);
  });

  it('predicts tank time to empty every 5 min, 8 h ahead, unless told otherwise', () => {
    expect(parseEnv({})).toMatchObject({
      NOWCAST_PREDICTION_INTERVAL_S: 300,
      NOWCAST_PREDICTION_HORIZON_H: 8,
    });
    expect(
      parseEnv({ NOWCAST_PREDICTION_INTERVAL_S: '0', NOWCAST_PREDICTION_HORIZON_H: '12.5' }),
    ).toMatchObject({ NOWCAST_PREDICTION_INTERVAL_S: 0, NOWCAST_PREDICTION_HORIZON_H: 12.5 });
    expect(() => parseEnv({ NOWCAST_PREDICTION_HORIZON_H: '0' })).toThrow(
      /NOWCAST_PREDICTION_HORIZON_H:/,
    );
  });

  it('runs the demo plant with random faults unless SIMULATOR_FAULTS is off', () => {
    expect(parseEnv({}).SIMULATOR_FAULTS).toBe(true);
    expect(parseEnv({ SIMULATOR_FAULTS: 'off' }).SIMULATOR_FAULTS).toBe(false);
    expect(() => parseEnv({ SIMULATOR_FAULTS: 'sometimes' })).toThrow(/SIMULATOR_FAULTS/);
  });

  it('has the demo plant carry out approved recommendations unless SIMULATOR_CARRY_OUT is off', () => {
    expect(parseEnv({}).SIMULATOR_CARRY_OUT).toBe(true);
    expect(parseEnv({ SIMULATOR_CARRY_OUT: 'off' }).SIMULATOR_CARRY_OUT).toBe(false);
    expect(() => parseEnv({ SIMULATOR_CARRY_OUT: 'maybe' })).toThrow(/SIMULATOR_CARRY_OUT/);
  });
});
