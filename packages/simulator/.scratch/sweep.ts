import { readFileSync } from 'node:fs';
import { createRuleEvaluator, resolveSiteRules, alarmAssetsFromNetwork, groupAlarmsByRootCause, SupplyGraph, type GroupableAlarm } from '@twinhelm/alarms';
import { parseInp } from '@twinhelm/solver';
import { PlantSimulator } from '../src/plant-simulator';
const inpText = readFileSync(new URL('../../../data/networks/CTOWN.INP', import.meta.url), 'utf8');
const parsed = parseInp(inpText); if (!parsed.ok) throw new Error('parse');
const graph = new SupplyGraph(parsed.model as never);
const resolved = resolveSiteRules(alarmAssetsFromNetwork(parsed.model as never, 1));
if (!resolved.ok) throw new Error(String(resolved.errors));
const ruleOf = new Map<string, { metric?: string; limit?: string }>();
for (const a of resolved.assets) for (const r of a.rules) ruleOf.set(`${a.assetId}/${r.id}`, r as never);
const ids = (process.argv[2] ?? 'PU8').split(',');
const faults = process.argv[3] === 'faults';
const step = Number(process.argv[4] ?? 60);
const seed = Number(process.argv[5] ?? 1);
const speedup = Number(process.argv[6] ?? 60);
const span = Number(process.argv[7] ?? 1440);
const summary: number[][] = [];
for (let tripTick = step; tripTick <= span; tripTick += step) {
  let now = 1_750_000_000_000;
  const sim = await PlantSimulator.create(
    { siteId: 'ctown', inpText, seed, speedup, faults: { enabled: faults, meanIntervalS: 3600 } },
    { publish: () => Promise.resolve(), clock: () => (now += 1000) },
  );
  const ev = createRuleEvaluator(resolved.assets);
  let tripTs = 0; const status = new Map<string, number>(); const levels = new Map<string, number>();
  let firstGrouped = NaN; let firstLL = NaN, firstL = NaN, groupedLows = 0, groupedAt = NaN, lowsAt = 0, llAt = 0; let t5 = 0;
  for (let t = 0; t < tripTick + 720; t++) {
    if (t === tripTick) { t5 = levels.get(ids[0] === 'PU8' ? 'T5' : 'T4') ?? NaN; sim.injectFault({ kind: 'pump_trip', assetIds: ids }); tripTs = now; }
    for (const m of sim.step()) for (const [metric, value] of Object.entries(m.payload.values)) {
      if (metric === 'status') status.set(m.assetId, value as number);
      if (metric === 'level') levels.set(m.assetId, value as number);
      for (const c of ev.push({ assetId: m.assetId, metric, value: value as number, ts: Number(m.payload.ts) })) {
        if (!c.active || t < tripTick) continue;
        if (c.ruleId === 'pressure-low-low' && isNaN(firstLL)) firstLL = (c.ts - tripTs) / 1000;
        if (c.ruleId === 'pressure-low' && isNaN(firstL)) firstL = (c.ts - tripTs) / 1000;
      }
    }
    if (t > tripTick && (t - tripTick) % 5 === 0) {
      const alarms: GroupableAlarm[] = ev.activeConditions().map((c) => { const r = ruleOf.get(c.alarmKey)!; return { key: c.alarmKey, assetId: c.assetId, kind: c.kind, metric: r.metric ?? null, sense: r.limit === 'l' || r.limit === 'll' ? 'low' : r.limit ? 'high' : null } as GroupableAlarm; });
      const mism = new Set(alarms.filter((a) => a.kind === 'mismatch').map((a) => a.assetId));
      const closed = [...status].filter(([id, s]) => id.startsWith('PU') && s === 0 && !mism.has(id)).map(([id]) => id);
      const res = groupAlarmsByRootCause(graph, alarms, [], { closedLinks: closed });
      const g = res.groups.find((x) => x.cause.linkId === ids[0]);
      const lows = (g?.children ?? []).filter((k) => k.endsWith('/pressure-low')).length;
      const lls = (g?.children ?? []).filter((k) => k.endsWith('/pressure-low-low')).length;
      if (lows + lls > 0 && isNaN(firstGrouped)) firstGrouped = t - tripTick;
      if (lows > groupedLows) { groupedLows = lows; groupedAt = t - tripTick; }
      lowsAt = Math.max(lowsAt, lows); llAt = Math.max(llAt, lls);
    }
  }
  console.log(`trip at ${tripTick}s (plant ${(tripTick * speedup / 3600).toFixed(1)} h) tank ${t5}: first <10m @${firstLL}s, first <20m @${firstL}s, first grouped @${firstGrouped}s, grouped lows ${lowsAt} (last added @${groupedAt}s) low-lows ${llAt}`);
  summary.push([firstLL, firstL, lowsAt, llAt, groupedAt, firstGrouped]);
  sim.close();
}
const col = (i: number) => summary.map((r) => r[i]!).filter((x) => !isNaN(x));
console.log('first<10 min/max', Math.min(...col(0)), Math.max(...col(0)), 'first<20 min/max', Math.min(...col(1)), Math.max(...col(1)), 'lows min/max', Math.min(...col(2)), Math.max(...col(2)), 'll min/max', Math.min(...col(3)), Math.max(...col(3)), 'groupedAt min/max', Math.min(...col(4)), Math.max(...col(4)), 'firstGrouped min/max', Math.min(...col(5)), Math.max(...col(5)), 'missing', summary.filter(r=>isNaN(r[1]!)).length);
