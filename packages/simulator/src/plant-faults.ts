import { type SimulatorFault } from '@twinhelm/contracts';
import {
  type FaultEvent,
  type FaultKind,
  FaultScheduler,
  type FaultsOptions,
  type FaultTransition,
} from './fault-scheduler';
import { type HydraulicEngine } from './hydraulic-engine';
import { type MeasuredAsset } from './measured-assets';
import { type HandControl } from './plant-actions';
import { type RandomSource } from './random';
import { pumpRunning } from './read-measurements';
import { noFaultError, pumpsToTrip } from './simulator-requests';

interface FaultsPlant {
  siteId: string;
  engine: HydraulicEngine;
  assets: readonly MeasuredAsset[];
  hands: HandControl;
  log(message: string, fields: Record<string, unknown>): void;
}

/**
 * The faults of one plant, seeded and injected: decides them (FaultScheduler), applies them to
 * EPANET (a tripped pump is forced closed with its controls suspended) and records each start
 * and end as an event.
 */
export class PlantFaults {
  readonly events: FaultEvent[] = [];
  private readonly scheduler: FaultScheduler;

  constructor(
    private readonly plant: FaultsPlant,
    random: RandomSource,
    options: FaultsOptions,
  ) {
    this.scheduler = new FaultScheduler(random, options);
  }

  faultOf(assetId: string): FaultKind | undefined {
    return this.scheduler.faultOf(assetId);
  }

  degradation(assetId: string, nowS: number): number {
    return this.scheduler.degradation(assetId, nowS);
  }

  /** The seeded faults that start or end by targetS (stamped with the tick's clock `ts`). */
  advance(targetS: number, dtS: number, ts: number): void {
    const { assets, engine } = this.plant;
    const runningPumps = assets.flatMap((a) =>
      a.type === 'pump' && pumpRunning(engine, a.link) ? [a.id] : [],
    );
    const transitions = this.scheduler.advance(targetS, dtS, {
      runningPumps,
      assets: assets.map((a) => a.id),
    });
    this.apply(transitions, targetS, ts);
  }

  /** See PlantSimulator.injectFault. */
  inject(request: unknown, nowS: number, ts: number): SimulatorFault[] {
    const { engine, assets, siteId } = this.plant;
    const { request: parsed, assetIds } = pumpsToTrip(request, {
      siteId,
      pumpIds: assets.flatMap((a) => (a.type === 'pump' ? [a.id] : [])),
      kindOf: (id) => [...engine.nodes, ...engine.links].find((e) => e.id === id)?.kind,
    });
    for (const assetId of assetIds)
      this.apply(this.scheduler.inject(parsed.kind, assetId, nowS, parsed.durationS), nowS, ts);
    return this.active(ts);
  }

  /** Ends the asset's fault now; refuses an asset without one, naming those with one. */
  clear(assetId: string, nowS: number, ts: number): SimulatorFault[] {
    const transitions = this.scheduler.clear(assetId);
    if (transitions.length === 0) {
      const active = this.scheduler.active().map((f) => f.assetId);
      throw noFaultError(assetId, this.plant.siteId, active);
    }
    this.apply(transitions, nowS, ts);
    return this.active(ts);
  }

  /** The faults in force, oldest first, with the wall time of the tick that started each. */
  active(fallbackTs: number): SimulatorFault[] {
    return this.scheduler.active().map((fault) => {
      const start = this.events.findLast(
        (e) => e.edge === 'start' && e.assetId === fault.assetId && e.kind === fault.kind,
      );
      return { ...fault, startedAt: start?.ts ?? fallbackTs };
    });
  }

  private apply(transitions: readonly FaultTransition[], plantTimeS: number, ts: number): void {
    const { assets, engine, hands } = this.plant;
    for (const transition of transitions) {
      const pump = assets.find((a) => a.id === transition.assetId && a.type === 'pump');
      if (transition.kind === 'pump_trip' && pump?.type === 'pump') {
        if (transition.edge === 'start') {
          engine.forceClosed(pump.link.index);
          hands.forget(pump.id);
        } else engine.release(pump.link.index);
      }
      const event: FaultEvent = { ...transition, plantTimeS, ts };
      this.events.push(event);
      this.plant.log(`fault ${transition.kind} ${transition.edge}: ${transition.assetId}`, {
        ...event,
        siteId: this.plant.siteId,
      });
    }
  }
}
