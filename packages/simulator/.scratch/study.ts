import { readFileSync } from 'node:fs';
import { createRuleEvaluator, resolveSiteRules, alarmAssetsFromNetwork, groupAlarmsByRootCause, SupplyGraph, type GroupableAlarm } from '@twinhelm/alarms';
import { parseInp } from '@twinhelm/solver';
import { PlantSimulator } from '../src/plant-simulator';
const inpText = readFileSync(new URL('../../../data/networks/CTOWN.INP', import.meta.url), 'utf8');
const parsed = parseInp(inpText); if (!parsed.ok) throw new Error('parse');
const model = parsed.model;
const graph = new SupplyGraph(model as never);
const resolved = resolveSiteRules(alarmAssetsFromNetwork(model as never, 1));
if (!resolved.ok) throw new Error(String(resolved.errors));
const ruleOf = new Map<string, { metric?: string; limit?: string; kind: string }>();
for (const a of resolved.assets) for (const r of a.rules) ruleOf.set(`${a.assetId}/${r.id}`, r as never);

const targets: Record<string, string[]> = JSON.parse(process.argv[2] ?? '{}');
const tripTicks = (process.argv[3] ?? '60,300,600').split(',').map(Number);
const faults = process.argv[4] === 'faults';
const after = 900;
for (const tripTick of tripTicks) for (const [name, ids] of Object.entries(targets)) {
  let now = 1_750_000_000_000;
  const sim = await PlantSimulator.create(
    { siteId: 'ctown', inpText, seed: 1, speedup: 60, faults: { enabled: faults, meanIntervalS: 3600 } },
    { publish: () => Promise.resolve(), clock: () => (now += 1000) },
  );
  const ev = createRuleEvaluator(resolved.assets);
  let tripTs = 0; const firsts = new Map<string, number>();
  const status = new Map<string, number>();
  let groupAt = new Map<number, string>();
  for (let t = 0; t < tripTick + after; t++) {
    if (t === tripTick) { sim.injectFault({ kind: 'pump_trip', assetIds: ids }); tripTs = now; }
    for (const m of sim.step()) {
      for (const [metric, value] of Object.entries(m.payload.values)) {
        if (m.assetId.startsWith('PU') && metric === 'status') status.set(m.assetId, value as number);
        for (const c of ev.push({ assetId: m.assetId, metric, value: value as number, ts: Number(m.payload.ts) })) {
          if (c.active && t >= tripTick && !firsts.has(c.alarmKey)) firsts.set(c.alarmKey, (c.ts - tripTs) / 1000);
        }
      }
    }
    if (t >= tripTick && [30, 60, 90, 120, 180, 300, 600, 899].includes(t - tripTick)) {
      const alarms: GroupableAlarm[] = ev.activeConditions().map((c) => { const r = ruleOf.get(c.alarmKey)!; return { key: c.alarmKey, assetId: c.assetId, kind: c.kind, metric: r.metric ?? null, sense: r.limit === 'l' || r.limit === 'll' ? 'low' : r.limit ? 'high' : null } as GroupableAlarm; });
      const mismatched = new Set(alarms.filter((a) => a.kind === 'mismatch').map((a) => a.assetId));
      const closed = [...status].filter(([id, s]) => s === 0 && !mismatched.has(id)).map(([id]) => id);
      const res = groupAlarmsByRootCause(graph, alarms, [], { closedLinks: closed });
      const lows = alarms.filter((a) => a.key.endsWith('pressure-low')).length;
      const llows = alarms.filter((a) => a.key.endsWith('pressure-low-low')).length;
      groupAt.set(t - tripTick, `mism[${[...mismatched]}] low ${lows} ll ${llows} groups ${res.groups.map((g) => `${g.cause.linkId}:${g.children.length}/${g.affectedNodes.length}`).join(',')}`);
    }
  }
  const rel = [...firsts].filter(([k]) => /pressure-low|mismatch|level-low/.test(k)).map(([k, s]) => `${k}@${s}`);
  console.log(`== ${name} ${ids} trip at tick ${tripTick} (plant ${(tripTick/60).toFixed(1)} h), pumps status before: ${[...status].filter(([,s])=>s===1).map(([i])=>i)}`);
  console.log('  first raises (s after trip):', rel.join(' '));
  for (const [dt, s] of groupAt) console.log(`  +${dt}s ${s}`);
  sim.close();
}
