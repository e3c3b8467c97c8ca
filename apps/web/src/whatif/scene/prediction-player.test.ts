import { describe, expect, it } from 'vitest';
import { type ScenarioFrames } from '@twinhelm/contracts';
import { type SceneOverlay } from '../../scene/use-scene-controller';
import { frameValues, PredictionPlayer } from './prediction-player';

const times = [0, 900, 1800];
const frames: ScenarioFrames[] = [
  {
    id: 's',
    metric: 'pressure',
    times,
    startClockS: 0,
    values: { J1: [40, 30, 20], T1: [5, 5, 5] },
  },
  { id: 's', metric: 'level', times, startClockS: 0, values: { T1: [3, 2.5, Number.NaN] } },
  { id: 's', metric: 'requested', times, startClockS: 0, values: { J1: [1, 1, 1] } },
];

describe('frameValues', () => {
  it('gathers every metric of every asset at one time, skipping non-finite values', () => {
    expect(frameValues(frames, 2)).toEqual({ J1: { pressure: 20 }, T1: { pressure: 5 } });
    expect(frameValues(frames, 1)).toEqual({
      J1: { pressure: 30 },
      T1: { pressure: 5, level: 2.5 },
    });
  });
});

function setup() {
  const shown: SceneOverlay[] = [];
  let cleared = 0;
  let tick: (() => void) | null = null;
  const player = new PredictionPlayer({
    times,
    scenarioName: 'PU4 out',
    show: (o) => shown.push(o),
    clear: () => (cleared += 1),
    schedule: (fn) => {
      tick = fn;
      return () => (tick = null);
    },
  });
  return {
    player,
    shown,
    cleared: () => cleared,
    tick: () => tick?.(),
    ticking: () => tick !== null,
  };
}

describe('PredictionPlayer', () => {
  it('paints the chosen time with its label once frames are there', () => {
    const { player, shown } = setup();
    player.seek(1);
    expect(shown).toEqual([]);
    player.setFrames(frames);
    expect(shown.at(-1)).toMatchObject({
      kind: 'prediction',
      label: 't+15 min (PU4 out)',
      fill: 'all',
      values: { J1: { pressure: 30 } },
    });
    player.seek(99);
    expect(player.getState().index).toBe(2);
  });

  it('plays to the end and stops; dispose clears the overlay', () => {
    const { player, shown, tick, ticking, cleared } = setup();
    player.setFrames(frames);
    player.play();
    expect(player.getState().playing).toBe(true);
    tick();
    tick();
    expect(player.getState().index).toBe(2);
    tick();
    expect(player.getState()).toEqual({ index: 2, playing: false, visible: true });
    expect(ticking()).toBe(false);
    expect(shown.map((o) => o.label.split(' (')[0])).toEqual(['t+0', 't+15 min', 't+30 min']);
    player.setVisible(false);
    expect(cleared()).toBe(1);
    player.seek(1);
    expect(shown).toHaveLength(3);
    player.setVisible(true);
    expect(shown.at(-1)?.label).toBe('t+15 min (PU4 out)');
    player.dispose();
    expect(cleared()).toBe(2);
    player.seek(0);
    expect(shown).toHaveLength(4);
  });
});
