// A tiny fake site for screenshots: network model, asset list, twin state and telemetry,
// typed by @twinhelm/contracts so the fakes cannot drift from the wire formats.
import type {
  AssetWithLatest,
  Me,
  MetricValue,
  NetworkLink,
  NetworkModel,
  NetworkNode,
  SiteSummary,
  TelemetrySeries,
  TwinState,
} from '@twinhelm/contracts';

export const SITE_ID = 'demo';
export const NOW = Date.now();

const junctions: [string, number, number, number, number][] = [
  ['J1', 100, 0, 42, 2.1],
  ['J2', 200, 0, 38, 1.4],
  ['J3', 300, 0, 35, 3.2],
  ['J4', 100, 100, 45, 0.9],
  ['J5', 200, 100, 40, 2.6],
  ['J6', 300, 100, 33, 1.8],
  ['J7', 200, 200, 48, 0.7],
];

export const network: NetworkModel = {
  title: 'Demo town',
  hash: 'f3a1c0de5eed0000000000000000000000000000000000000000000000000000',
  sourceUnits: 'LPS',
  layout: 'file',
  nodes: [
    { type: 'reservoir', id: 'R1', x: 0, y: 0, elevation: 20 },
    ...junctions.map(([id, x, y, elevation, baseDemand]): NetworkNode => ({
      type: 'junction',
      id,
      x,
      y,
      elevation,
      baseDemand,
    })),
    {
      type: 'tank',
      id: 'T1',
      x: 300,
      y: 200,
      elevation: 70,
      initLevel: 3,
      minLevel: 0.5,
      maxLevel: 6,
      diameter: 15,
    },
  ],
  links: [
    { type: 'pump', id: 'PU1', from: 'R1', to: 'J1', vertices: [], power: 30 },
    ...[
      ['P1', 'J1', 'J2'],
      ['P2', 'J2', 'J3'],
      ['P3', 'J1', 'J4'],
      ['P4', 'J4', 'J5'],
      ['P5', 'J2', 'J5'],
      ['P6', 'J5', 'J6'],
      ['P7', 'J3', 'J6'],
      ['P8', 'J5', 'J7'],
    ].map(([id, from, to]): NetworkLink => ({
      type: 'pipe',
      id: id!,
      from: from!,
      to: to!,
      vertices: [],
      length: 100,
      diameter: 0.2,
      roughness: 120,
    })),
    {
      type: 'valve',
      id: 'V1',
      from: 'J6',
      to: 'T1',
      vertices: [],
      valveKind: 'PRV',
      diameter: 0.15,
      setting: 30,
    },
  ],
  times: { duration: 86400, hydraulicStep: 3600, reportStep: 3600 },
};

const names: Record<string, string> = {
  T1: 'Hilltop tank',
  R1: 'River intake',
  PU1: 'Main pump',
  V1: 'Tank inlet PRV',
  J7: 'Hospital',
};

/** Latest values: most assets fresh, J6 stale (silent 8 min), J7 never reported. */
export const state: TwinState = {
  R1: { head: { v: 20, ts: NOW - 4_000 }, level: { v: 4.2, ts: NOW - 4_000 } },
  PU1: {
    status: { v: 1, ts: NOW - 3_000 },
    speed: { v: 0.92, ts: NOW - 3_000 },
    flow: { v: 38.4, ts: NOW - 3_000 },
    power: { v: 27.1, ts: NOW - 3_000 },
    vibration: { v: 2.3, ts: NOW - 3_000 },
    bearing_temp: { v: 61.5, ts: NOW - 3_000 },
  },
  T1: {
    level: { v: 3.84, ts: NOW - 12_000 },
    head: { v: 73.84, ts: NOW - 12_000 },
    pressure: { v: 3.8, ts: NOW - 12_000 },
  },
  J1: {
    pressure: { v: 48.2, ts: NOW - 6_000 },
    head: { v: 90.2, ts: NOW - 6_000 },
    demand: { v: 2.2, ts: NOW - 6_000 },
  },
  J2: { pressure: { v: 44.9, ts: NOW - 6_000 } },
  J3: { pressure: { v: 39.5, ts: NOW - 6_000 } },
  J4: { pressure: { v: 41.7, ts: NOW - 6_000 } },
  J5: { pressure: { v: 36.3, ts: NOW - 6_000 } },
  J6: { pressure: { v: 31.2, ts: NOW - 8 * 60_000 } },
  P1: { flow: { v: 20.5, ts: NOW - 5_000 }, velocity: { v: 0.65, ts: NOW - 5_000 } },
  P2: { flow: { v: 12.1, ts: NOW - 5_000 }, velocity: { v: 0.39, ts: NOW - 5_000 } },
  V1: {
    status: { v: 1, ts: NOW - 9_000 },
    setting: { v: 30, ts: NOW - 9_000 },
    flow: { v: 6.2, ts: NOW - 9_000 },
  },
};

function positionOf(id: string): { x: number; y: number; z: number } {
  const node = network.nodes.find((n) => n.id === id);
  if (node) return { x: node.x, y: node.y, z: node.elevation };
  const link = network.links.find((l) => l.id === id);
  if (!link) throw new Error(`demo site: no element ${id}`);
  const a = positionOf(link.from);
  const b = positionOf(link.to);
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2 };
}

export const assetList: { siteId: string; assets: AssetWithLatest[] } = {
  siteId: SITE_ID,
  assets: [...network.nodes, ...network.links].map((element): AssetWithLatest => {
    const latest: Record<string, MetricValue> = state[element.id] ?? {};
    const times = Object.values(latest).map((value) => value.ts);
    const lastSeenAt = times.length ? Math.max(...times) : null;
    const freshness =
      lastSeenAt === null ? 'unmeasured' : NOW - lastSeenAt > 60_000 ? 'stale' : 'fresh';
    return {
      siteId: SITE_ID,
      id: element.id,
      type: element.type,
      ...(element.type === 'valve' ? { valveKind: element.valveKind } : {}),
      ...(names[element.id] ? { name: names[element.id] } : {}),
      position: positionOf(element.id),
      ...('from' in element ? { from: element.from, to: element.to } : {}),
      ...(element.id === 'T1' ? { expectedIntervalS: 30 } : {}),
      latest,
      lastSeenAt,
      freshness,
    };
  }),
};

export const sites: { sites: SiteSummary[] } = {
  sites: [
    {
      id: SITE_ID,
      name: 'Demo town',
      modelVersion: network.hash,
      assetCount: assetList.assets.length,
      lastSampleAt: NOW - 3_000,
    },
    {
      id: 'northfield',
      name: 'Northfield supply zone',
      modelVersion: null,
      assetCount: 0,
      lastSampleAt: null,
    },
    {
      id: 'ctown',
      name: 'C-Town',
      modelVersion: 'a9b8c7d6e5',
      assetCount: 429,
      lastSampleAt: NOW - 42 * 60_000,
    },
  ],
};

export const me: Me = { id: 'u1', name: 'Ada Operator', role: 'operator' };

/** A smooth daily-ish curve with a little noise (deterministic). */
export function telemetry(
  assetId: string,
  metric: string,
  from: number,
  to: number,
  maxPoints: number,
): TelemetrySeries {
  const base = state[assetId]?.[metric]?.v ?? 10;
  const n = Math.min(maxPoints, 180);
  const step = (to - from) / n;
  const points = Array.from({ length: n }, (_, i) => {
    const t = from + i * step;
    const v = base * (1 + 0.08 * Math.sin(i / 14) + 0.02 * Math.sin(i * 1.7));
    return { t, v, min: v * 0.97, max: v * 1.03, n: 12 };
  });
  return { siteId: SITE_ID, assetId, metric, from, to, bucketMs: step, points };
}
