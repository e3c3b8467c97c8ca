'use client';

import { useId } from 'react';
import { ALARM_PRIORITIES } from '@twinhelm/contracts';
import { PRIORITY_LABEL } from './alarm-format';
import { STATE_FILTERS, type AlarmFilter, type StateFilter } from './alarm-rows';

interface Props {
  filter: AlarmFilter;
  onChange: (filter: AlarmFilter) => void;
}

/** Priority toggles, a state choice and a text filter (asset id, rule or the alarm's text). */
export function AlarmFilters({ filter, onChange }: Props) {
  const stateId = useId();
  const textId = useId();
  const toggle = (priority: (typeof ALARM_PRIORITIES)[number]) =>
    onChange({
      ...filter,
      priorities: filter.priorities.includes(priority)
        ? filter.priorities.filter((p) => p !== priority)
        : [...filter.priorities, priority],
    });
  return (
    <div className="alarms__filters" role="group" aria-label="Filter alarms">
      <div className="alarms__prio-filter" role="group" aria-label="Priority">
        {ALARM_PRIORITIES.map((priority) => (
          <button
            key={priority}
            type="button"
            className={`alarms__prio-toggle alarm-prio--${priority}`}
            aria-pressed={filter.priorities.includes(priority)}
            onClick={() => toggle(priority)}
          >
            {PRIORITY_LABEL[priority]}
          </button>
        ))}
      </div>
      <div className="alarms__filter-row">
        <label htmlFor={stateId} className="visually-hidden">
          State
        </label>
        <select
          id={stateId}
          className="input"
          value={filter.states}
          onChange={(e) => onChange({ ...filter, states: e.currentTarget.value as StateFilter })}
        >
          {Object.entries(STATE_FILTERS).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={textId} className="visually-hidden">
          Filter alarms by asset or text
        </label>
        <input
          id={textId}
          type="search"
          className="input"
          placeholder="Asset or text"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.currentTarget.value })}
        />
      </div>
    </div>
  );
}
