import { describe, expect, it } from 'vitest';
import { parseInp } from './parse-inp';

const BASE = `[TITLE]
tiny

[JUNCTIONS]
J1  10  1
J9  12  2

[RESERVOIRS]
R1  50

[PIPES]
P1  R1  J1  100  200  100
P2  J1  J9  100  200  100

[OPTIONS]
Units LPS
`;

function errorsOf(text: string): { line: number; section: string; message: string }[] {
  const result = parseInp(text);
  if (result.ok) throw new Error('expected the file to be rejected');
  return result.errors;
}

describe('parseInp rejects bad files with line-precise reasons', () => {
  it('accepts the base file', () => {
    expect(parseInp(BASE).ok).toBe(true);
  });

  it('names an unknown node and suggests the closest id', () => {
    const errors = errorsOf(BASE.replace('P2  J1  J9', 'P2  J1  J99'));
    expect(errors).toEqual([
      {
        line: 13,
        section: 'PIPES',
        message: 'pipe P2 references unknown node J99 (did you mean J9?)',
      },
    ]);
  });

  it.each([
    [
      'duplicate id',
      BASE.replace('J9  12  2', 'J1  12  2'),
      6,
      /duplicate node id J1 \(already defined on line 5/,
    ],
    [
      'too few fields',
      BASE.replace('P2  J1  J9  100  200  100', 'P2  J1  J9  100'),
      13,
      /expected at least 6 fields/,
    ],
    [
      'non-numeric',
      BASE.replace('J1  10  1', 'J1  ten  1'),
      5,
      /junction J1 elevation "ten" is not a number/,
    ],
    ['from == to', BASE.replace('P2  J1  J9', 'P2  J1  J1'), 13, /starts and ends at node J1/],
    [
      'unknown section',
      BASE.replace('[OPTIONS]', '[OPTONS]'),
      15,
      /unknown section \[OPTONS\] \(did you mean OPTIONS\?\)/,
    ],
    [
      'id too long',
      BASE.replaceAll('J9', 'J'.repeat(32)),
      6,
      /is 32 characters long: shorten it to 31/,
    ],
    ['illegal id character', BASE.replaceAll('J9', 'J/9'), 6, /contains "\/", "\+" or "#"/],
    [
      'negative roughness',
      BASE.replace('P2  J1  J9  100  200  100', 'P2  J1  J9  100  200  -5'),
      13,
      /roughness -5 must be greater than zero/,
    ],
    ['bad flow units', BASE.replace('Units LPS', 'Units XYZ'), 16, /unknown flow units "XYZ"/],
    ['bad time', `${BASE}[TIMES]\nDuration soon\n`, 18, /duration "soon" is not a time/],
    ['bad status', `${BASE}[STATUS]\nP9 Closed\n`, 18, /status given for unknown link P9/],
    ['data before a header', `J1 1 1\n${BASE}`, 1, /data before the first \[SECTION\] header/],
    [
      'unknown pump curve',
      BASE.replace('P1  R1  J1  100  200  100', 'PU1 R1 J1 HEAD C9').replace('[PIPES]', '[PUMPS]'),
      12,
      /head curve C9, which is not in \[CURVES\]/,
    ],
    [
      'unknown valve type',
      BASE.replace('P2  J1  J9  100  200  100', '[VALVES]\nV1 J1 J9 200 XYZ 3'),
      14,
      /valve V1 type "XYZ" is not one of/,
    ],
  ])('%s', (_name, text, line, message) => {
    const errors = errorsOf(text);
    expect(errors.some((e) => e.line === line && message.test(e.message))).toBe(true);
  });

  it('rejects a file with no nodes and one with no source', () => {
    expect(errorsOf('[TITLE]\nnothing\n')[0]?.message).toMatch(/no nodes/);
    const noSource = BASE.replace('[RESERVOIRS]\nR1  50', '').replace(
      'P1  R1  J1  100  200  100',
      '',
    );
    expect(errorsOf(noSource).map((e) => e.message)).toContainEqual(
      expect.stringMatching(/no source: add at least one reservoir or tank/),
    );
  });

  it('rejects an unconnected node', () => {
    expect(errorsOf(BASE.replace('J9  12  2', 'J9  12  2\nJ5  1  0'))).toEqual([
      {
        line: 7,
        section: 'JUNCTIONS',
        message: 'node J5 is not connected to any link: connect it with a pipe or delete it',
      },
    ]);
  });

  it('lists every error, sorted by line', () => {
    const errors = errorsOf(
      BASE.replace('J1  10  1', 'J1  x  1').replace('P2  J1  J9', 'P2  J1  J7'),
    );
    expect(errors.map((e) => e.line)).toEqual([5, 13]);
  });

  it('parses [TIMES] forms and [DEMANDS]', () => {
    const text = `${BASE}[TIMES]\nDuration 6 HOURS\nHydraulic Timestep 0:15 MIN\nReport Timestep 1:30\n[DEMANDS]\nJ1 2\nJ1 3\n`;
    const result = parseInp(text);
    expect(result.ok && result.model.times).toEqual({
      duration: 21600,
      hydraulicStep: 900,
      reportStep: 5400,
    });
    expect(result.ok && result.model.nodes[0]).toMatchObject({ id: 'J1', baseDemand: 5 });
  });
});
