import { type ImportWarning } from '@twinhelm/contracts';
import { tokenizeInp } from '../inp/tokenize';

/** What the worker reports about one engine run (see epanet-worker.mjs). */
export interface RawEngineRun {
  version: number;
  stage: 'open' | 'init' | 'run' | 'done';
  error?: { code: number; message: string };
  warnings: { code: number; message: string; time: number }[];
  report: string;
  steps: number;
  simulatedSeconds: number;
  duration?: number;
  budgetExceeded: boolean;
}

export interface EpanetError {
  /** EPANET's error code (e.g. 202 illegal numeric value); 0 when the engine itself failed. */
  code: number;
  message: string;
  line?: number;
  section?: string;
}

export interface EpanetCheck {
  ok: boolean;
  errors: EpanetError[];
  warnings: ImportWarning[];
  engineVersion: string;
}

export function engineVersion(version: number): string {
  const major = Math.floor(version / 10000);
  const minor = Math.floor((version % 10000) / 100);
  return `OWA-EPANET ${major}.${minor}.${version % 100} (epanet-js)`;
}

export function clockTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

const REPORT_ERROR = /^\s*Error (\d+):\s*(.*)$/;
const MAX_REPORT_WARNINGS = 10;

/** Turns a raw engine run into errors (file cannot be opened or set up) or warnings. */
export function interpretRun(text: string, run: RawEngineRun): EpanetCheck {
  const version = engineVersion(run.version);
  if (run.error && (run.stage === 'open' || run.stage === 'init')) {
    return { ok: false, errors: reportErrors(text, run), warnings: [], engineVersion: version };
  }
  const warnings = groupWarnings(run);
  if (run.error) {
    warnings.push({
      code: `epanet-${run.error.code}`,
      message: `EPANET could not solve the hydraulics at ${clockTime(run.simulatedSeconds)}: ${run.error.message}. The model imports, but check demands, closed links and controls before simulating`,
    });
  }
  if (run.budgetExceeded) {
    const of = run.duration === undefined ? '' : ` of ${clockTime(run.duration)}`;
    warnings.push({
      code: 'epanet-budget',
      message: `the check stopped after ${run.steps} hydraulic steps at ${clockTime(run.simulatedSeconds)}${of}: the model takes very small steps; simulations need a step and time budget`,
    });
  }
  return { ok: true, errors: [], warnings, engineVersion: version };
}

function groupWarnings(run: RawEngineRun): ImportWarning[] {
  const groups = new Map<string, { code: number; count: number; first: number }>();
  for (const w of run.warnings) {
    const group = groups.get(w.message) ?? { code: w.code, count: 0, first: w.time };
    group.count++;
    groups.set(w.message, group);
  }
  const warnings: ImportWarning[] = [...groups].map(([message, g]) => ({
    code: `epanet-${g.code}`,
    message: `${message.replace(/\.$/, '')} (${g.count} of ${run.steps} hydraulic steps, first at ${clockTime(g.first)})`,
  }));
  const details = new Set<string>();
  for (const line of run.report.split('\n')) {
    const m = /^\s*WARNING:\s*(.*?)(?:\s+at \d+:\d\d:\d\d hrs)?\.?\s*$/.exec(line);
    if (m?.[1]) details.add(m[1]);
  }
  const listed = [...details].slice(0, MAX_REPORT_WARNINGS);
  for (const detail of listed) warnings.push({ code: 'epanet-report', message: detail });
  if (details.size > listed.length) {
    warnings.push({
      code: 'epanet-report',
      message: `${details.size - listed.length} more distinct warnings in EPANET's report`,
    });
  }
  return warnings;
}

/** Errors from the report file, each pointed at its .inp line when EPANET quotes it. */
function reportErrors(text: string, run: RawEngineRun): EpanetError[] {
  const reportLines = run.report.split('\n');
  const locate = lineLocator(text);
  const errors: EpanetError[] = [];
  for (let i = 0; i < reportLines.length; i++) {
    const m = REPORT_ERROR.exec(reportLines[i] ?? '');
    if (!m) continue;
    const code = Number(m[1]);
    const message = (m[2] ?? '').trim();
    const section = /in \[(\w+)\] section/.exec(message)?.[1];
    const quoted = section ? reportLines[i + 1]?.trim() : undefined;
    const id = /with ID:\s*(\S+)/.exec(message)?.[1];
    const line = quoted ? locate.byText(quoted) : id ? locate.byId(id) : undefined;
    errors.push({
      code,
      message: `Error ${code}: ${message.replace(/:$/, '')}`,
      ...(line ? { line: line.line, section: line.section } : {}),
    });
  }
  const specific = errors.filter((e) => e.code !== 200);
  if (specific.length > 0) return specific;
  if (errors.length > 0) return errors;
  const fallback = run.error ?? { code: 0, message: 'EPANET failed without a message' };
  return [{ code: fallback.code, message: fallback.message }];
}

function lineLocator(text: string): {
  byText: (quoted: string) => { line: number; section: string } | undefined;
  byId: (id: string) => { line: number; section: string } | undefined;
} {
  const { sections } = tokenizeInp(text);
  const normal = (s: string): string => s.split(';')[0]?.trim().split(/\s+/).join(' ') ?? '';
  return {
    byText(quoted) {
      const target = normal(quoted);
      for (const section of sections) {
        const hit = section.lines.find((l) => l.tokens.join(' ') === target);
        if (hit) return { line: hit.line, section: section.name };
      }
      return undefined;
    },
    byId(id) {
      for (const section of sections) {
        if (
          !['JUNCTIONS', 'RESERVOIRS', 'TANKS', 'PIPES', 'PUMPS', 'VALVES'].includes(section.name)
        )
          continue;
        const hit = section.lines.find((l) => l.tokens[0] === id);
        if (hit) return { line: hit.line, section: section.name };
      }
      return undefined;
    },
  };
}
