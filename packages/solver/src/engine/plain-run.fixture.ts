import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  FlowUnits,
  InitHydOption,
  LinkProperty,
  NodeProperty,
  Project,
  TimeParameter,
  Workspace,
} from 'epanet-js';

/** Test fixture: a plain epanet-js run written directly against the toolkit. */
export const readNetwork = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../../data/networks/${name}`, import.meta.url)),
    'utf8',
  );

const LPS_PER: Partial<Record<FlowUnits, number>> = {
  [FlowUnits.CFS]: 28.316846592,
  [FlowUnits.GPM]: 0.0630901964,
  [FlowUnits.MGD]: 43.812636389,
  [FlowUnits.IMGD]: 52.616782407,
  [FlowUnits.AFD]: 14.276410156,
};

export interface PlainRun {
  times: number[];
  /** m, by node id, per report time. */
  head: Map<string, number[]>;
  /** L/s, by link id, per report time. */
  flow: Map<string, number[]>;
}

export interface PlainEdits {
  /** Edits before openH (the project is in the file's own units). */
  before?: (p: Project) => void;
  /** Edits applied just before the hydraulic step at each given time. */
  at?: Record<number, (p: Project) => void>;
  /** Edits applied just before every hydraulic step (after `at`), given its time. */
  each?: (p: Project, t: number) => void;
  /** initH's option; default NoSave (flows as the file's initial statuses set them at open). */
  init?: InitHydOption;
}

/** Runs the file in its own units and converts heads and flows to m and L/s. */
export async function plainRun(text: string, edits: PlainEdits = {}): Promise<PlainRun> {
  const ws = new Workspace();
  await ws.loadModule();
  const p = new Project(ws);
  ws.writeFile('plain.inp', text);
  p.open('plain.inp', 'plain.rpt', '');
  const units = p.getFlowUnits();
  const q = LPS_PER[units] ?? 1;
  const h = units in LPS_PER ? 0.3048 : 1;
  const nodes = p.getCount(0);
  const links = p.getCount(2);
  const out: PlainRun = { times: [], head: new Map(), flow: new Map() };
  for (let i = 1; i <= nodes; i++) out.head.set(p.getNodeId(i), []);
  for (let i = 1; i <= links; i++) out.flow.set(p.getLinkId(i), []);
  edits.before?.(p);
  const reportStep = p.getTimeParameter(TimeParameter.ReportStep);
  const reportStart = p.getTimeParameter(TimeParameter.ReportStart);
  p.openH();
  p.initH(edits.init ?? InitHydOption.NoSave);
  let next = 0;
  for (;;) {
    edits.at?.[next]?.(p);
    edits.each?.(p, next);
    const t = p.runH();
    if (t >= reportStart && (t - reportStart) % reportStep === 0) {
      out.times.push(t);
      for (let i = 1; i <= nodes; i++) {
        out.head.get(p.getNodeId(i))?.push(p.getNodeValue(i, NodeProperty.Head) * h);
      }
      for (let i = 1; i <= links; i++) {
        out.flow.get(p.getLinkId(i))?.push(p.getLinkValue(i, LinkProperty.Flow) * q);
      }
    }
    const dt = p.nextH();
    if (dt <= 0) break;
    next = t + dt;
  }
  p.closeH();
  p.close();
  return out;
}

/** WNTR's tolerances: head 1e-3 m; flow 1e-5 m³/s (0.01 L/s) absolute or 1e-3 relative. */
export function compareWithPlain(
  plain: PlainRun,
  result: {
    times: number[];
    nodes: Record<string, { head: number[] }>;
    links: Record<string, { flow: number[] }>;
  },
): string[] {
  const bad: string[] = [];
  if (JSON.stringify(plain.times) !== JSON.stringify(result.times)) {
    bad.push(`times differ: ${plain.times.length} vs ${result.times.length}`);
    return bad;
  }
  for (const [id, heads] of plain.head) {
    heads.forEach((v, k) => {
      const got = result.nodes[id]?.head[k] ?? NaN;
      if (!(Math.abs(got - v) <= 1e-3)) bad.push(`head ${id} @${plain.times[k]}: ${got} vs ${v}`);
    });
  }
  for (const [id, flows] of plain.flow) {
    flows.forEach((v, k) => {
      const got = result.links[id]?.flow[k] ?? NaN;
      const diff = Math.abs(got - v);
      if (!(diff <= 0.01 || diff <= 1e-3 * Math.abs(v))) {
        bad.push(`flow ${id} @${plain.times[k]}: ${got} vs ${v}`);
      }
    });
  }
  return bad.slice(0, 10);
}
