// The engine's SQL on the embedded database (PGlite, the demo's), as on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlarm, applyAlarmEvent, defaultRulesFor } from '@twinhelm/alarms';
import type { Alarm } from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../db/create-database';
import { migrate } from '../db/migrate';
import {
  loadAnnouncementsSince,
  loadFloodsSince,
  loadStoredAlarms,
  sitesWithNetwork,
  writeAlarmChanges,
  type EventRow,
} from './alarm-store';

const dir = mkdtempSync(join(tmpdir(), 'twinhelm-alarm-store-'));
let database: Database;

beforeAll(async () => {
  database = await createDatabase({ DATABASE_URL: undefined, dataDir: dir });
  await migrate(database);
  await database.sql.query(`INSERT INTO site (id, name) VALUES ('ctown', 'C-Town')`);
}, 60_000);

afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

function raised(at: number): { alarm: Alarm; event: EventRow } {
  const rule = defaultRulesFor({ id: 'J1', type: 'junction' }).find((r) => r.id === 'pressure-low');
  if (!rule) throw new Error('junction rule missing');
  const step = applyAlarmEvent(createAlarm('J1', rule, at), {
    type: 'condition_active',
    at,
    values: { value: 12.5, setpoint: 20 },
    text: 'pressure 12.5 below low 20',
  });
  if (!step.ok || !step.record) throw new Error('raise refused');
  return {
    alarm: step.alarm,
    event: { record: step.record, values: { value: 12.5, setpoint: 20 } },
  };
}

describe('alarm store on PGlite', () => {
  it('stores alarms, events in order and floods in one transaction, and reads them back', async () => {
    const at = Date.parse('2026-11-22T10:00:00.123Z');
    const { alarm, event } = raised(at);
    const acked = applyAlarmEvent(alarm, { type: 'acknowledge', who: 'op', at: at + 500 });
    if (!acked.ok || !acked.record) throw new Error('ack refused');
    await writeAlarmChanges(database.sql, [
      {
        siteId: 'ctown',
        alarms: [{ alarm, text: 'pressure 12.5 below low 20', announcedAt: at }],
        events: [event],
        floods: [{ type: 'start', at, count: 11, windowMs: 600_000 }],
      },
      {
        siteId: 'ctown',
        alarms: [{ alarm: acked.alarm, text: 'pressure 12.5 below low 20', announcedAt: at }],
        events: [{ record: acked.record, values: null }],
        floods: [{ type: 'end', startedAt: at, at: at + 1000, peak: 13 }],
      },
    ]);
    const { alarms, problems } = await loadStoredAlarms(database.sql, 'ctown');
    expect(problems).toEqual([]);
    expect(alarms).toEqual([
      { alarm: acked.alarm, text: 'pressure 12.5 below low 20', announcedAt: at },
    ]);
    const rows = await database.sql.query<{ event: string; values: unknown }>(
      'SELECT event, "values" FROM alarm_event ORDER BY id',
    );
    expect(rows.rows.map((r) => r.event)).toEqual(['condition_active', 'acknowledge']);
    expect(rows.rows[0]?.values).toEqual({ value: 12.5, setpoint: 20 });
    expect(await loadAnnouncementsSince(database.sql, 'ctown', at - 1)).toEqual([at]);
    expect(await loadFloodsSince(database.sql, 'ctown', at - 1)).toEqual([
      { startedAt: at, endedAt: at + 1000, peak: 13 },
    ]);
    expect(await sitesWithNetwork(database.sql)).toEqual([]);
  });
});
