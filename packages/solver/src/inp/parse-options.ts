import { type NetworkModel } from '@twinhelm/contracts';
import { parseDurationSeconds } from './parse-duration';
import { type ParseContext } from './parse-context';
import { type InpSection } from './tokenize';
import {
  type FlowUnit,
  isFlowUnit,
  parsePressureUnit,
  type PressureUnit,
  SI_FLOW_UNITS,
  unitSystem,
  US_FLOW_UNITS,
  type UnitSystem,
} from './units';

export interface InpOptions {
  units: UnitSystem;
  headloss: 'H-W' | 'D-W' | 'C-M';
  times: NetworkModel['times'];
  title: string;
}

const HEADLOSS = ['H-W', 'D-W', 'C-M'] as const;

/** Reads [OPTIONS] (flow units, pressure units, head-loss formula), [TIMES] and [TITLE]. */
export function readOptions(sections: InpSection[], ctx: ParseContext): InpOptions {
  let flowUnit: FlowUnit = 'GPM';
  let pressureUnit: PressureUnit | undefined;
  let headloss: InpOptions['headloss'] = 'H-W';
  const times = { duration: 0, hydraulicStep: 3600, reportStep: 3600 };
  let title = '';
  for (const section of sections) {
    if (section.name === 'TITLE' && title === '') {
      title = section.lines.map((l) => l.text.trim()).find((t) => t.length > 0) ?? '';
    }
    if (section.name === 'OPTIONS') {
      for (const entry of section.lines) {
        const key = (entry.tokens[0] ?? '').toUpperCase();
        const value = entry.tokens[1];
        if (key !== 'UNITS' && key !== 'FLOW' && key !== 'HEADLOSS' && key !== 'PRESSURE') continue;
        const v = (key === 'FLOW' ? entry.tokens[2] : value)?.toUpperCase();
        if (key === 'UNITS' || key === 'FLOW') {
          if (v !== undefined && isFlowUnit(v)) flowUnit = v;
          else {
            ctx.error(
              entry.line,
              'OPTIONS',
              `unknown flow units "${v ?? ''}": use one of ${[...US_FLOW_UNITS, ...SI_FLOW_UNITS].join(', ')}`,
            );
          }
        } else if (key === 'HEADLOSS') {
          const h = HEADLOSS.find((f) => f === v);
          if (h) headloss = h;
          else
            ctx.error(
              entry.line,
              'OPTIONS',
              `unknown head-loss formula "${value ?? ''}": use H-W, D-W or C-M`,
            );
        } else {
          const p = v === undefined ? undefined : parsePressureUnit(v);
          if (p) pressureUnit = p;
          else
            ctx.error(
              entry.line,
              'OPTIONS',
              `unknown pressure units "${value ?? ''}": use PSI, KPA, METERS, BAR or FEET`,
            );
        }
      }
    }
    if (section.name === 'TIMES') readTimes(section, ctx, times);
  }
  return { units: unitSystem(flowUnit, pressureUnit), headloss, times, title };
}

const TIME_KEYS: [string[], keyof NetworkModel['times']][] = [
  [['DURATION'], 'duration'],
  [['HYDRAULIC', 'TIMESTEP'], 'hydraulicStep'],
  [['REPORT', 'TIMESTEP'], 'reportStep'],
];

function readTimes(section: InpSection, ctx: ParseContext, times: NetworkModel['times']): void {
  for (const entry of section.lines) {
    const upper = entry.tokens.map((t) => t.toUpperCase());
    for (const [words, field] of TIME_KEYS) {
      if (!words.every((w, i) => upper[i] === w)) continue;
      const value = entry.tokens[words.length];
      const unit = entry.tokens[words.length + 1];
      const seconds = value === undefined ? undefined : parseDurationSeconds(value, unit);
      const label = words.join(' ').toLowerCase();
      if (seconds === undefined) {
        const given = entry.tokens.slice(words.length).join(' ');
        ctx.error(
          entry.line,
          'TIMES',
          `${label} "${given}" is not a time: write hours (24), h:mm (1:30) or a number with SEC, MIN, HOURS or DAYS`,
        );
      } else if (field !== 'duration' && seconds <= 0) {
        ctx.error(entry.line, 'TIMES', `${label} must be longer than zero`);
      } else {
        times[field] = seconds;
      }
    }
  }
}
