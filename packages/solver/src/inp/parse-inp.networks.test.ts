import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  NetworkModelSchema,
  type NetworkLink,
  type NetworkModel,
  type NetworkNode,
} from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { stripSection } from '../testing';
import { type NetworkCounts, parseInp } from './parse-inp';

const dataDir = fileURLToPath(new URL('../../../../data/networks/', import.meta.url));
const read = (name: string): string => readFileSync(dataDir + name, 'utf8');

function parsed(name: string): ReturnType<typeof parseOk> {
  return parseOk(read(name));
}
function parseOk(text: string): {
  model: NetworkModel;
  counts: NetworkCounts;
  warnings: { code: string }[];
} {
  const result = parseInp(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result;
}
const node = (m: NetworkModel, id: string): NetworkNode => m.nodes.find((n) => n.id === id)!;
const link = (m: NetworkModel, id: string): NetworkLink => m.links.find((l) => l.id === id)!;

describe('parseInp on the reference networks', () => {
  it.each([
    ['Net1.inp', { junction: 9, reservoir: 1, tank: 1, pipe: 12, pump: 1, valve: 0 }],
    ['Net2.inp', { junction: 35, reservoir: 0, tank: 1, pipe: 40, pump: 0, valve: 0 }],
    ['Net3.inp', { junction: 92, reservoir: 2, tank: 3, pipe: 117, pump: 2, valve: 0 }],
    ['Anytown.inp', { junction: 19, reservoir: 3, tank: 0, pipe: 40, pump: 1, valve: 0 }],
    ['CTOWN.INP', { junction: 388, reservoir: 1, tank: 7, pipe: 429, pump: 11, valve: 4 }],
  ])('%s imports with the right counts and a valid model', (name, counts) => {
    const { model, counts: got, warnings } = parsed(name);
    expect(got).toMatchObject(counts);
    expect(NetworkModelSchema.safeParse(model).success).toBe(true);
    expect(model.layout).toBe('file');
    expect(warnings).toEqual([]);
    expect(model.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('converts Net1 (GPM, feet, inches, H-W) to SI by hand-checked factors', () => {
    const { model } = parsed('Net1.inp');
    expect(model.sourceUnits).toContain('GPM');
    expect(model.title).toBe('EPANET Example Network 1');
    const j11 = node(model, '11');
    expect(j11.elevation).toBeCloseTo(710 * 0.3048, 9);
    expect(j11.type === 'junction' && j11.baseDemand).toBeCloseTo(150 * 0.0630901964, 6);
    expect(node(model, '9').elevation).toBeCloseTo(243.84, 9);
    expect(node(model, '2')).toMatchObject({ type: 'tank', x: 50, y: 90 });
    const tank = node(model, '2');
    expect(tank.type === 'tank' && tank.diameter).toBeCloseTo(50.5 * 0.3048, 9);
    expect(tank.type === 'tank' && tank.initLevel).toBeCloseTo(36.576, 9);
    expect(link(model, '10')).toMatchObject({
      type: 'pipe',
      from: '10',
      to: '11',
      roughness: 100,
      initialStatus: 'open',
    });
    const p10 = link(model, '10');
    expect(p10.type === 'pipe' && p10.length).toBeCloseTo(3209.544, 6);
    expect(p10.type === 'pipe' && p10.diameter).toBeCloseTo(0.4572, 9);
    const pump = link(model, '9');
    expect(pump.type === 'pump' && pump.curve?.[0]?.flow).toBeCloseTo(94.6352946, 5);
    expect(pump.type === 'pump' && pump.curve?.[0]?.head).toBeCloseTo(76.2, 9);
    expect(model.times).toEqual({ duration: 86400, hydraulicStep: 3600, reportStep: 3600 });
  });

  it('keeps C-Town (LPS, metres, millimetres) values and applies [STATUS]', () => {
    const { model } = parsed('CTOWN.INP');
    expect(model.sourceUnits).toContain('LPS');
    expect(node(model, 'J511')).toMatchObject({
      elevation: 105.08,
      baseDemand: 1.175912,
      x: -246643.52,
      y: 150768.11,
    });
    expect(node(model, 'T3')).toMatchObject({
      elevation: 112.9,
      initLevel: 3,
      maxLevel: 6.75,
      diameter: 13.73,
    });
    const p1 = link(model, 'P1');
    expect(p1.type === 'pipe' && p1.diameter).toBeCloseTo(0.203, 12);
    expect(p1).toMatchObject({ length: 52.9, from: 'J175', to: 'J174' });
    expect(link(model, 'v1')).toMatchObject({ valveKind: 'PRV', setting: 40 });
    expect(link(model, 'V2')).toMatchObject({
      valveKind: 'FCV',
      setting: 200,
      initialStatus: 'closed',
    });
    expect(link(model, 'PU1')).toMatchObject({ type: 'pump', initialStatus: 'closed' });
    expect(link(model, 'PU2')).toMatchObject({ type: 'pump', initialStatus: 'open' });
    expect(model.times).toEqual({ duration: 604800, hydraulicStep: 900, reportStep: 900 });
  });

  it('reads Anytown vertices and Net3 tank levels in metres', () => {
    expect(link(parsed('Anytown.inp').model, '80').vertices).toEqual([[2807.62, 4755.86]]);
    const t1 = node(parsed('Net3.inp').model, '1');
    expect(t1.type === 'tank' && t1.maxLevel).toBeCloseTo(32.1 * 0.3048, 9);
  });
});

describe('computed layout', () => {
  it('lays out a file without [COORDINATES] deterministically, with a warning', () => {
    const text = stripSection(read('CTOWN.INP'), 'COORDINATES');
    const a = parseOk(text);
    const b = parseOk(text);
    expect(a.model.layout).toBe('computed');
    expect(a.warnings.map((w) => w.code)).toContain('layout-computed');
    expect(a.model.nodes).toEqual(b.model.nodes);
    expect(a.model.nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    const distinct = new Set(a.model.nodes.map((n) => `${n.x.toFixed(3)},${n.y.toFixed(3)}`));
    expect(distinct.size).toBe(a.model.nodes.length);
  });

  it('keeps file coordinates and places missing nodes near their neighbours', () => {
    const text = read('Net1.inp').replace(/^ 22 {14}\t50\.00.*$/m, '');
    const { model, warnings } = parseOk(text);
    expect(model.layout).toBe('computed');
    expect(warnings.map((w) => w.code)).toEqual(['layout-partial']);
    expect(node(model, '21')).toMatchObject({ x: 30, y: 40 });
    const j22 = node(model, '22');
    expect(Math.hypot(j22.x - 40, j22.y - 40)).toBeLessThan(40);
  });
});
