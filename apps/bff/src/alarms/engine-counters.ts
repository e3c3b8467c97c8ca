import { LatencyWindow } from './latency-window';

/** What the engine counts (shared by its sites); stats() reports them. */
export class EngineCounters {
  /** Measured samples pushed (from the ingest) and modelled ones (from the nowcast). */
  samples = 0;
  modelledSamples = 0;
  /** Samples of sites the engine does not run. */
  unmatchedSamples = 0;
  /** Condition changes from the evaluators (raises and clears). */
  changes = 0;
  /** Event records (accepted lifecycle transitions). */
  records = 0;
  /** Events the lifecycle refused (e.g. a repeated condition after a redelivery). */
  refused = 0;
  /** Committed transactions, and the changes they held. */
  writes = 0;
  writtenChanges = 0;
  /** Failed attempts (each is retried: nothing is dropped). */
  writeFailures = 0;
  /** Rule evaluations of evaluators replaced by a rule reload. */
  retiredEvaluations = 0;
  retiredOutOfOrder = 0;
  /** From the sample's arrival at the ingest to its alarm change being stored, ms. */
  readonly sampleToStored = new LatencyWindow(2000);
}
