import { telemetryTopic, type SimulatorFault, type TelemetryPayload } from '@twinhelm/contracts';
import { DemandNoise } from './demand-noise';
import { type FaultEvent } from './fault-scheduler';
import { HydraulicEngine } from './hydraulic-engine';
import { HandControl, type HandSetting } from './plant-actions';
import { PlantFaults } from './plant-faults';
import { type MeasuredAsset, measuredAssets } from './measured-assets';
import { PumpCondition } from './pump-condition';
import { createSeededRandom, type RandomSource } from './random';
import { type MetricValues, pumpRunning, readMeasurements } from './read-measurements';
import {
  type PlantSimulatorOptions,
  type ResolvedSimulatorOptions,
  resolveSimulatorOptions,
} from './simulator-options';

export type PublishFn = (topic: string, payload: string) => Promise<void>;

export interface SimulatorLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface SimulatorDeps {
  publish: PublishFn;
  /** Wall clock, epoch milliseconds; step() reads it exactly once. */
  clock: () => number;
  /** Defaults to a source seeded with options.seed. */
  random?: RandomSource;
  logger?: SimulatorLogger;
}

export interface SimulatorMessage {
  topic: string;
  assetId: string;
  payload: TelemetryPayload;
  /** The JSON text that is published. */
  json: string;
}

export interface SimulatorCounters {
  ticks: number;
  messages: number;
  hydraulicSteps: number;
  publishFailures: number;
}

const silentLogger: SimulatorLogger = { info: () => undefined, warn: () => undefined };

/**
 * The virtual plant: EPANET stepped in accelerated time with demand noise, sensor noise, pump
 * condition signals and seeded faults. Pure of I/O: publishing, the clock and randomness are
 * injected, so a seed and a fake clock give an identical message sequence.
 */
export class PlantSimulator {
  readonly options: ResolvedSimulatorOptions;
  readonly assets: readonly MeasuredAsset[];
  readonly counters: SimulatorCounters = {
    ticks: 0,
    messages: 0,
    hydraulicSteps: 0,
    publishFailures: 0,
  };
  private readonly random: RandomSource;
  private readonly logger: SimulatorLogger;
  private readonly demandNoise: DemandNoise;
  private readonly faults: PlantFaults;
  private readonly pumps = new Map<string, PumpCondition>();
  private readonly lastValues = new Map<string, MetricValues>();
  private readonly published = new Map<string, number>();
  private readonly districtJunctions = new Map<string, number[]>();
  private readonly hands: HandControl;
  private lastWallMs: number | undefined;
  private seqBase = 0;
  private plantClockS = 0;

  private constructor(
    private readonly engine: HydraulicEngine,
    options: ResolvedSimulatorOptions,
    private readonly deps: SimulatorDeps,
  ) {
    this.options = options;
    this.random = deps.random ?? createSeededRandom(options.seed);
    this.logger = deps.logger ?? silentLogger;
    this.assets = measuredAssets(engine.nodes, engine.links, options);
    for (const node of engine.nodes) {
      if (node.district === undefined) continue;
      this.districtJunctions.set(node.district, [
        ...(this.districtJunctions.get(node.district) ?? []),
        node.index,
      ]);
    }
    this.demandNoise = new DemandNoise([...this.districtJunctions.keys()], this.random, {
      sigma: options.demandNoiseSigma,
      tauS: options.demandNoiseTauS,
    });
    this.hands = new HandControl(engine, options.siteId);
    this.faults = new PlantFaults(
      {
        siteId: options.siteId,
        engine,
        assets: this.assets,
        hands: this.hands,
        log: (message, fields) => this.logger.info(message, fields),
      },
      this.random,
      options.faults,
    );
    engine.start(() => this.applyDemandNoise());
    for (const asset of this.assets) {
      if (asset.type === 'pump')
        this.pumps.set(asset.id, new PumpCondition(this.random, pumpRunning(engine, asset.link)));
    }
  }

  static async create(
    options: PlantSimulatorOptions,
    deps: SimulatorDeps,
  ): Promise<PlantSimulator> {
    const resolved = resolveSimulatorOptions(options);
    const engine = await HydraulicEngine.open(resolved.inpText, {
      hydStepS: resolved.hydStepS,
      horizonS: resolved.horizonS,
    });
    try {
      return new PlantSimulator(engine, resolved, deps);
    } catch (error) {
      engine.close();
      throw error;
    }
  }

  /**
   * Plant time, seconds since the start: the sum of speedup × wall time over the ticks. The
   * hydraulic solution is at most one hydraulic step (hydStepS) ahead of it.
   */
  get plantTimeS(): number {
    return this.plantClockS;
  }

  /** EPANET warnings (negative pressures, pump limits…) seen so far; counted, not printed. */
  get engineWarnings(): number {
    return this.engine.warnings;
  }

  /** Every fault start and end so far, oldest first. */
  get events(): readonly FaultEvent[] {
    return this.faults.events;
  }

  /** Advances the plant to the clock and returns this tick's messages (nothing is published). */
  step(): SimulatorMessage[] {
    const now = Math.floor(this.deps.clock());
    if (this.lastWallMs === undefined) this.seqBase = now;
    const dtS =
      this.lastWallMs === undefined
        ? 0
        : (Math.max(0, now - this.lastWallMs) / 1000) * this.options.speedup;
    this.lastWallMs = now;
    this.plantClockS += dtS;
    const targetS = this.plantClockS;
    this.faults.advance(targetS, dtS, now);
    for (const assetId of this.hands.expire(targetS))
      this.logger.info(`hand setting ended: ${assetId} follows its controls again`, {
        siteId: this.options.siteId,
        assetId,
        plantTimeS: targetS,
      });
    this.demandNoise.advance(dtS);
    this.counters.hydraulicSteps += this.engine.advanceTo(targetS, () => this.applyDemandNoise());
    this.counters.ticks += 1;
    const messages: SimulatorMessage[] = [];
    for (const asset of this.assets) {
      const values = this.measure(asset, dtS);
      if (values === undefined) continue;
      const seq = this.seqBase + (this.published.get(asset.id) ?? 0);
      this.published.set(asset.id, (this.published.get(asset.id) ?? 0) + 1);
      const payload: TelemetryPayload = { ts: now, seq, values };
      messages.push({
        topic: telemetryTopic(this.options.siteId, asset.id),
        assetId: asset.id,
        payload,
        json: JSON.stringify(payload),
      });
    }
    this.counters.messages += messages.length;
    return messages;
  }

  /** One tick: step() and hand every message to the injected publish function. */
  async tick(): Promise<SimulatorMessage[]> {
    const messages = this.step();
    const results = await Promise.allSettled(
      messages.map((m) => this.deps.publish(m.topic, m.json)),
    );
    const failures = results.filter((r) => r.status === 'rejected');
    if (failures.length > 0) {
      this.counters.publishFailures += failures.length;
      this.logger.warn('telemetry publish failed', {
        failures: failures.length,
        reason: String(failures[0]?.reason),
      });
    }
    return messages;
  }

  /** Runs n steps synchronously (for tests and benchmarks); returns every message in order. */
  runTicks(n: number): SimulatorMessage[] {
    const all: SimulatorMessage[] = [];
    for (let i = 0; i < n; i += 1) all.push(...this.step());
    return all;
  }

  /**
   * Trips pumps now (`{ kind: 'pump_trip', assetId | assetIds, durationS? }`, plant seconds;
   * until cleared without durationS): each is forced closed in EPANET with its controls
   * suspended, publishes status 0 and power 0 while its `command` stays 1. A fault the pump
   * already had ends first. Refuses (SimulatorRequestError) a bad request or a non-pump, naming the
   * nearest pump ids, and then trips none. Returns the faults in force.
   */
  injectFault(request: unknown): SimulatorFault[] {
    return this.faults.inject(request, this.plantClockS, this.eventTs());
  }

  /** Ends the asset's fault now (injected or scheduled); refuses an asset without one. */
  clearFault(assetId: string): SimulatorFault[] {
    return this.faults.clear(assetId, this.plantClockS, this.eventTs());
  }

  /** The faults in force, oldest first, with the wall time of the tick that started each. */
  activeFaults(): SimulatorFault[] {
    return this.faults.active(this.eventTs());
  }

  /**
   * Carries out operator actions now (PlantActionSchema: pump-speed, valve-setting, automatic),
   * e.g. the pump-speed and valve-setting steps of an approved recommendation: each pump or
   * valve is held by hand, its controls suspended, for durationS plant seconds or until
   * `automatic`. All are validated first (SimulatorRequestError; nothing applied if one is
   * refused; a tripped pump is refused). Returns the hand settings in force.
   */
  applyActions(actions: unknown): HandSetting[] {
    const settings = this.hands.apply(actions, this.plantClockS);
    this.logger.info('operator actions applied', {
      siteId: this.options.siteId,
      actions,
      plantTimeS: this.plantClockS,
    });
    return settings;
  }

  /** The pumps and valves held by hand now. */
  handSettings(): HandSetting[] {
    return this.hands.list();
  }

  close(): void {
    this.engine.close();
  }

  /** Wall time stamped on faults started between ticks: the latest tick's clock reading. */
  private eventTs(): number {
    return this.lastWallMs ?? 0;
  }

  private applyDemandNoise(): void {
    for (const [district, junctions] of this.districtJunctions) {
      const multiplier = this.demandNoise.multiplier(district);
      for (const index of junctions) this.engine.setDemandMultiplier(index, multiplier);
    }
  }

  private measure(asset: MeasuredAsset, dtS: number): MetricValues | undefined {
    const fault = this.faults.faultOf(asset.id);
    const values = readMeasurements(this.engine, asset, this.random);
    if (asset.type === 'pump') {
      // The controller still wants a tripped pump on: that is what the mismatch alarm sees.
      if (fault === 'pump_trip') values.command = 1;
      const condition = this.pumps.get(asset.id);
      if (condition !== undefined) {
        const design = asset.link.designFlowLps ?? 1;
        const reading = condition.advance(dtS, {
          running: values.status === 1,
          loadRatio: (values.flow ?? 0) / design,
          degradation: this.faults.degradation(asset.id, this.plantClockS),
        });
        values.vibration = Math.round(reading.vibration * 1000) / 1000;
        values.bearing_temp = Math.round(reading.bearingTemp * 100) / 100;
      }
    }
    if (fault === 'sensor_dropout') return undefined;
    const last = this.lastValues.get(asset.id);
    if (fault === 'stuck_value' && last !== undefined) return { ...last };
    this.lastValues.set(asset.id, values);
    return { ...values };
  }
}
