// After the live run: is everything in PostgreSQL? Telemetry rows against what was sent, and
// every surge toggle against the alarm_event rows (one condition_active per raise, one
// condition_clear per clear, at the surge's sample time), nothing missing, nothing extra.
import pg from 'pg';
import type { PublishedToggle } from './alarm-publisher';
import { SURGE_RULE_ID } from './ten-rules';

export interface LiveVerification {
  telemetryRows: number;
  telemetryExpected: number;
  alarmEventRows: number;
  expectedEvents: number;
  matched: number;
  missing: number;
  /** Rows that match no toggle (other rules, other times), by `<rule>/<event>`. */
  unexpected: Record<string, number>;
  duplicated: number;
  alarmRows: number;
}

export async function verifyLive(
  url: string,
  siteId: string,
  sent: number,
  toggles: readonly PublishedToggle[],
): Promise<LiveVerification> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const telemetry = await client.query<{ rows: string }>(
      'SELECT count(*) AS rows FROM telemetry_sample WHERE site_id = $1 AND seq BETWEEN 1 AND $2',
      [siteId, sent],
    );
    const events = await client.query<{
      rule_id: string;
      alarm_key: string;
      event: string;
      at_ms: string;
    }>(
      `SELECT rule_id, alarm_key, event, (extract(epoch FROM at) * 1000)::bigint AS at_ms
       FROM alarm_event WHERE site_id = $1`,
      [siteId],
    );
    const alarms = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM alarm WHERE site_id = $1',
      [siteId],
    );
    const expected = new Map<string, number>();
    for (const t of toggles) {
      const key = `${t.assetId}/${SURGE_RULE_ID}|${t.active ? 'condition_active' : 'condition_clear'}|${t.ts}`;
      expected.set(key, 0);
    }
    const unexpected: Record<string, number> = {};
    let duplicated = 0;
    for (const row of events.rows) {
      const key = `${row.alarm_key}|${row.event}|${row.at_ms}`;
      const seen = expected.get(key);
      if (seen === undefined) {
        const what = `${row.rule_id}/${row.event}`;
        unexpected[what] = (unexpected[what] ?? 0) + 1;
      } else {
        if (seen > 0) duplicated += 1;
        expected.set(key, seen + 1);
      }
    }
    const matched = [...expected.values()].filter((n) => n > 0).length;
    return {
      telemetryRows: Number(telemetry.rows[0]?.rows),
      telemetryExpected: sent * 3,
      alarmEventRows: events.rows.length,
      expectedEvents: toggles.length,
      matched,
      missing: expected.size - matched,
      unexpected,
      duplicated,
      alarmRows: Number(alarms.rows[0]?.n),
    };
  } finally {
    await client.end();
  }
}
