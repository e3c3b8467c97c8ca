import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAt, interpolate, judgeCheck, predictedWindow } from './judge-check';

const course = {
  times: [0, 900, 1800, 2700],
  values: [4, 3.5, 3, 2.5],
  p5: [3.9, 3.3, 2.7, 2.2],
  p95: [4.1, 3.7, 3.3, 2.8],
};

describe('judgeCheck', () => {
  it('is as predicted when the measurements follow the band', () => {
    const measured = [0, 450, 900, 1350, 2000, 2700].map((t) => ({
      offsetS: t,
      value: interpolate(course.times, course.values, t) + 0.05,
    }));
    const { verdict, numbers } = judgeCheck(course, measured, 0.1);
    expect(verdict).toBe('as_predicted');
    expect(numbers.points).toBe(6);
    expect(numbers.withinBand).toBe(1);
    expect(numbers.meanAbsError).toBeCloseTo(0.05, 6);
    expect(numbers.maxAbsError).toBeCloseTo(0.05, 6);
  });

  it('deviates when more than 10 % of the points leave the widened band', () => {
    const measured = [0, 900, 1800, 2700].map((t, i) => ({
      offsetS: t,
      value: (course.values[i] ?? 0) + (i >= 2 ? 1 : 0),
    }));
    const { verdict, numbers } = judgeCheck(course, measured, 0.1);
    expect(verdict).toBe('deviated');
    expect(numbers.withinBand).toBe(0.5);
    expect(numbers.maxAbsError).toBeCloseTo(1, 6);
  });

  it('has no data without measurements inside the predicted span', () => {
    expect(judgeCheck(course, [], 0.1).verdict).toBe('no_data');
    expect(judgeCheck(course, [{ offsetS: 5000, value: 3 }], 0.1)).toEqual({
      verdict: 'no_data',
      numbers: {
        points: 0,
        withinBand: null,
        meanAbsError: null,
        maxAbsError: null,
        tolerance: 0.1,
      },
    });
  });

  it('uses prediction ± tolerance without a band', () => {
    const single = { ...course, p5: null, p95: null };
    expect(judgeCheck(single, [{ offsetS: 900, value: 3.55 }], 0.1).verdict).toBe('as_predicted');
    expect(judgeCheck(single, [{ offsetS: 900, value: 3.8 }], 0.1).verdict).toBe('deviated');
  });

  it('property: counts only points in the span, shares in [0, 1], errors ≥ 0', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            offsetS: fc.double({ min: -1000, max: 4000, noNaN: true }),
            value: fc.double({ min: -100, max: 100, noNaN: true }),
          }),
          { maxLength: 50 },
        ),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (measured, tolerance) => {
          const { verdict, numbers } = judgeCheck(course, measured, tolerance);
          const inSpan = measured.filter((m) => m.offsetS >= 0 && m.offsetS <= 2700).length;
          expect(numbers.points).toBe(inSpan);
          if (inSpan === 0) {
            expect(verdict).toBe('no_data');
            return;
          }
          expect(numbers.withinBand).toBeGreaterThanOrEqual(0);
          expect(numbers.withinBand).toBeLessThanOrEqual(1);
          expect(numbers.meanAbsError).toBeGreaterThanOrEqual(0);
          expect(numbers.maxAbsError ?? 0).toBeGreaterThanOrEqual(numbers.meanAbsError ?? 0);
          expect(verdict).toBe((numbers.withinBand ?? 0) >= 0.9 ? 'as_predicted' : 'deviated');
        },
      ),
    );
  });

  it('property: measurements equal to the prediction are always as predicted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 2700, noNaN: true }), { minLength: 1 }),
        (ts) => {
          const measured = ts.map((t) => ({
            offsetS: t,
            value: interpolate(course.times, course.values, t),
          }));
          expect(judgeCheck(course, measured, 0).verdict).toBe('as_predicted');
        },
      ),
    );
  });
});

describe('predictedWindow', () => {
  const effect = {
    ...course,
    extreme: 2.5,
    end: 2.5,
    extremeRange: null,
    endRange: null,
    beyondLimitS: null,
    timeToEmptyS: null,
    violationProbability: null,
  };
  it('keeps the report times up to the first at or past the window', () => {
    expect(predictedWindow(effect, 1000).times).toEqual([0, 900, 1800]);
    expect(predictedWindow(effect, 900).p95).toEqual([4.1, 3.7]);
    expect(predictedWindow(effect, 99_999).values).toEqual(course.values);
  });
});

describe('anchorAt', () => {
  it('starts the course where the plant stood at the approval, never below 0', () => {
    const { course: anchored, offset } = anchorAt(course, 3.2);
    expect(offset).toBeCloseTo(-0.8, 9);
    expect(anchored.times).toEqual(course.times);
    expect(anchored.values.map((v) => Number(v.toFixed(6)))).toEqual([3.2, 2.7, 2.2, 1.7]);
    expect(anchored.p5?.[0]).toBeCloseTo(3.1, 9);
    expect(anchorAt(course, 0).course.values).toEqual([0, 0, 0, 0]);
  });

  it('leaves the course as predicted without a start value', () => {
    expect(anchorAt(course, undefined)).toEqual({ course, offset: null });
    expect(anchorAt(course, Number.NaN)).toEqual({ course, offset: null });
    expect(anchorAt({ times: [], values: [], p5: null, p95: null }, 2).offset).toBeNull();
  });

  it('judges a level that moved on before the approval by its change since then', () => {
    const measured = [0, 900, 1800, 2700].map((t) => ({
      offsetS: t,
      value: interpolate(course.times, course.values, t) - 0.5,
    }));
    expect(judgeCheck(course, measured, 0.1).verdict).toBe('deviated');
    expect(judgeCheck(anchorAt(course, 3.5).course, measured, 0.1)).toMatchObject({
      verdict: 'as_predicted',
      numbers: { withinBand: 1, maxAbsError: 0 },
    });
  });
});
