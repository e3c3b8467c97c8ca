'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ComposerForm } from './compose/ComposerForm';
import { newDraft, type ComposerDraft } from './form/composer-draft';
import { ScenarioHistory } from './history/ScenarioHistory';
import { ScenarioView } from './results/ScenarioView';
import { useWhatIf } from './whatif-context';

type View =
  { kind: 'compose' } | { kind: 'history' } | { kind: 'scenario'; id: string; fresh: boolean };

export const WHATIF_DRAWER_ID = 'whatif-drawer';

/**
 * The what-if side panel: compose a scenario (roles that may run them), follow its run, read
 * its results, and browse or compare the site's scenarios. Escape closes it.
 */
export function WhatIfDrawer({
  onClose,
  initialScenarioId = null,
}: {
  onClose: () => void;
  /** Open on this scenario (a ?scenario= link) instead of the composer. */
  initialScenarioId?: string | null;
}) {
  const { canRun } = useWhatIf();
  const [view, setView] = useState<View>(() => {
    if (initialScenarioId !== null)
      return { kind: 'scenario', id: initialScenarioId, fresh: false };
    return canRun ? { kind: 'compose' } : { kind: 'history' };
  });
  const [draft, setDraft] = useState<ComposerDraft>(newDraft);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (!canRun && view.kind === 'compose') setView({ kind: 'history' });
  }, [canRun, view.kind]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.getAttribute('role') === 'combobox' || target.matches('input[type="search"]'))
      return;
    event.preventDefault();
    onClose();
  };

  const tab = (kind: 'compose' | 'history', label: string) => (
    <button
      type="button"
      className="whatif__tab"
      aria-pressed={view.kind === kind}
      onClick={() => setView({ kind })}
    >
      {label}
    </button>
  );

  return (
    <aside
      className="whatif"
      id={WHATIF_DRAWER_ID}
      aria-labelledby="whatif-title"
      onKeyDown={onKeyDown}
    >
      <div className="whatif__head">
        <h2 id="whatif-title" ref={headingRef} tabIndex={-1}>
          What-if
        </h2>
        <nav className="whatif__tabs" aria-label="What-if views">
          {canRun ? tab('compose', 'New scenario') : null}
          {tab('history', 'Scenarios')}
        </nav>
        <button
          type="button"
          className="button button--ghost"
          aria-label="Close what-if"
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      <div className="whatif__body">
        {!canRun ? (
          <p className="whatif__dim">
            Your role can read scenarios and their results; running them and deciding on
            recommendations needs an operator, planner or administrator.
          </p>
        ) : null}
        {view.kind === 'compose' && canRun ? (
          <ComposerForm
            draft={draft}
            setDraft={setDraft}
            onCreated={(id) => setView({ kind: 'scenario', id, fresh: true })}
          />
        ) : null}
        {view.kind === 'history' ? (
          <ScenarioHistory onOpen={(id) => setView({ kind: 'scenario', id, fresh: false })} />
        ) : null}
        {view.kind === 'scenario' ? (
          <ScenarioView key={view.id} id={view.id} fresh={view.fresh} />
        ) : null}
      </div>
    </aside>
  );
}
