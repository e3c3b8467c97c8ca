import type { DraftField } from './rule-draft';

/** What each input is called on screen and the hint beside it (units come from the metric). */
export const FIELD_LABEL: Record<DraftField, { label: string; hint?: string }> = {
  id: { label: 'Rule id', hint: 'a-z, 0-9 and "-", e.g. pressure-high' },
  kind: { label: 'Kind' },
  priority: { label: 'Priority' },
  enabled: { label: 'Enabled' },
  latched: { label: 'Latched', hint: 'stays until reset after the condition clears' },
  consequence: { label: 'Consequence', hint: 'what happens if nobody acts' },
  response: { label: 'Operator response', hint: 'what the operator should do' },
  onDelayS: { label: 'On delay', hint: 's the condition must hold before it is raised' },
  offDelayS: { label: 'Off delay', hint: 's it must be clear before it clears' },
  metric: { label: 'Metric' },
  limit: { label: 'Limit' },
  setpoint: { label: 'Setpoint' },
  deadband: { label: 'Deadband', hint: 'the value must recover by this much to clear' },
  maxPerMin: { label: 'Largest change per minute' },
  direction: { label: 'Direction' },
  windowS: { label: 'Window', hint: 's the rate is measured over' },
  missedIntervals: { label: 'Missed intervals', hint: 'whole number ≥ 1' },
  expectedIntervalS: { label: 'Expected interval', hint: 's; blank: the asset’s own' },
  commandMetric: { label: 'Command metric', hint: 'on when ≥ 0.5' },
  feedbackMetric: { label: 'Feedback metric' },
  feedbackMin: { label: 'Running feedback at least' },
  band: { label: 'Band', hint: 'acceptable |measured − modelled|' },
  maxModelAgeS: { label: 'Oldest usable model value', hint: 's' },
  withinH: { label: 'Warn when empty within', hint: 'h' },
};
