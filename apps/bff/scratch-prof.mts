import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createSolverPool } from '@twinhelm/solver';
import { ScenarioSchema } from '@twinhelm/contracts';
import { createFreshDatabase } from './src/testing/fresh-database';
const inp = readFileSync('../../data/networks/CTOWN.INP', 'utf8');
const pool = createSolverPool({ size: 1 });
const db = await createFreshDatabase('twinhelm_scratch');
const c = new pg.Client({ connectionString: db.url }); await c.connect();
await c.query('CREATE TABLE a (id int primary key, result jsonb)');
await c.query('CREATE TABLE b (id int primary key, result jsonb COMPRESSION lz4)');
await c.query('CREATE TABLE cc (id int primary key, result json)');
await c.query('CREATE TABLE d (id int primary key, result json COMPRESSION lz4)');
const scenario = ScenarioSchema.parse({ horizonS: 86400, reportStepS: 900 });
const out = await pool.run({ inp, scenario });
if (!out.ok) throw new Error();
const json = JSON.stringify(out.result);
const r4 = (k: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e4) / 1e4 : v);
const t0 = performance.now(); const rounded = JSON.stringify(out.result, r4); console.log('round stringify', performance.now() - t0, rounded.length, json.length);
for (const [label, text] of [['full', json], ['rounded', rounded]] as const)
for (const table of ['a', 'b', 'cc', 'd']) {
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await c.query(`INSERT INTO ${table} VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET result = EXCLUDED.result`, [i % 2, text]);
    ts.push(performance.now() - t);
  }
  const r: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await c.query(`SELECT result->'times' FROM ${table} WHERE id=0`); r.push(performance.now() - t); }
  const s: number[] = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); await c.query(`SELECT result::text FROM ${table} WHERE id=0`); s.push(performance.now() - t); }
  console.log(label, table, 'insert', ts.map((x) => x.toFixed(0)).join(' '), '| times', r.map((x) => x.toFixed(0)).join(' '), '| text', s.map((x) => x.toFixed(0)).join(' '));
}
await c.end(); await db.drop(); await pool.close();
