'use client';

import {
  useEffect,
  useMemo,
  useState,
  type Dispatch,
  type FormEvent,
  type SetStateAction,
} from 'react';
import { type AssetWithLatest } from '@twinhelm/contracts';
import { ApiRequestError } from '../../api/api-error';
import { useCreateScenario } from '../api/scenario-queries';
import {
  newPerturbation,
  suggestedName,
  type ComposerDraft,
  type PerturbationDraft,
  type TimeMode,
} from '../form/composer-draft';
import { draftHighlights } from '../form/draft-highlights';
import { errorsFromDetails, type FieldErrors } from '../form/field-errors';
import { toCreateRequest } from '../form/to-create-request';
import { clockInput, hoursInput, parseHours } from '../form/window-times';
import { useWhatIf } from '../whatif-context';
import { AssetPicker } from './AssetPicker';
import { Field, fieldProps } from './Field';
import { PerturbationEditor } from './PerturbationEditor';
import { RunSettings } from './RunSettings';

interface Props {
  draft: ComposerDraft;
  setDraft: Dispatch<SetStateAction<ComposerDraft>>;
  onCreated: (scenarioId: string) => void;
}

/** A junction at either end of a pipe, where a burst on it is modelled. */
function burstNodeOf(asset: AssetWithLatest, byId: ReadonlyMap<string, AssetWithLatest>): string {
  if (asset.type !== 'pipe') return '';
  const ends = [asset.to, asset.from].filter((id): id is string => id !== undefined);
  return ends.find((id) => byId.get(id)?.type === 'junction') ?? '';
}

function convertTimes(p: PerturbationDraft, to: TimeMode, now: number): PerturbationDraft {
  if (to === 'clock') {
    const at = (text: string) => {
      const h = parseHours(text, 'time');
      return h.ok ? clockInput(now, h.value) : '';
    };
    return { ...p, start: at(p.start), end: at(p.end) };
  }
  return { ...p, start: hoursInput(now, p.start), end: hoursInput(now, p.end) };
}

/** The what-if composer: perturbations, window, horizon, ensemble, and the run's options. */
export function ComposerForm({ draft, setDraft, onCreated }: Props) {
  const { siteId, assetsById, selectedAssetId, coordinator } = useWhatIf();
  const create = useCreateScenario(siteId);
  const [errors, setErrors] = useState<FieldErrors>({});
  // After a refused attempt, the messages follow the edits (fixed fields lose theirs).
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!tried) return;
    const result = toCreateRequest(draft, Date.now());
    setErrors(result.ok ? {} : result.errors);
  }, [tried, draft]);
  const assets = useMemo(() => [...assetsById.values()], [assetsById]);
  const selected = selectedAssetId === null ? undefined : assetsById.get(selectedAssetId);

  // The perturbed assets stay marked in 3D while the scenario is composed.
  useEffect(() => {
    coordinator.highlight(draftHighlights(draft.perturbations), []);
  }, [coordinator, draft.perturbations]);
  useEffect(() => () => coordinator.clearHighlights(), [coordinator]);

  const patch = (p: Partial<ComposerDraft>) => setDraft((d) => ({ ...d, ...p }));
  const patchPerturbation = (key: string, p: Partial<PerturbationDraft>) =>
    setDraft((d) => ({
      ...d,
      perturbations: d.perturbations.map((x) => (x.key === key ? { ...x, ...p } : x)),
    }));

  const add = (asset: AssetWithLatest | null) => {
    const fresh = asset
      ? newPerturbation(asset.id, asset.type, burstNodeOf(asset, assetsById))
      : newPerturbation('', null);
    const timed = draft.timeMode === 'clock' ? convertTimes(fresh, 'clock', Date.now()) : fresh;
    setDraft((d) => ({ ...d, perturbations: [...d.perturbations, timed] }));
  };

  const setTimeMode = (mode: TimeMode) => {
    if (mode === draft.timeMode) return;
    const now = Date.now();
    setDraft((d) => ({
      ...d,
      timeMode: mode,
      perturbations: d.perturbations.map((p) => convertTimes(p, mode, now)),
    }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = toCreateRequest(draft, Date.now());
    if (!result.ok) {
      setErrors(result.errors);
      setTried(true);
      return;
    }
    setErrors({});
    setTried(false);
    create.mutate(result.request, {
      onSuccess: ({ id }) => onCreated(id),
      onError: (error) =>
        setErrors(
          error instanceof ApiRequestError
            ? { ...errorsFromDetails(error.details), form: error.message }
            : { form: `The server could not be reached (${error.message}); try again.` },
        ),
    });
  };

  const problems = Object.keys(errors).length;
  return (
    <form className="whatif__form" onSubmit={submit} noValidate aria-label="Compose a what-if">
      <Field id="whatif-name" label="Name" hint="(optional)" error={errors.name}>
        <input
          {...fieldProps('whatif-name', errors.name)}
          className="input"
          placeholder={suggestedName(draft)}
          value={draft.name}
          onChange={(e) => patch({ name: e.currentTarget.value })}
        />
      </Field>
      <section className="whatif__section" aria-label="Perturbations">
        <h3>Perturbations</h3>
        {draft.perturbations.map((p, i) => (
          <PerturbationEditor
            key={p.key}
            draft={p}
            index={i}
            timeMode={draft.timeMode}
            relativeTo={draft.bindLiveState ? 'now' : 'the start'}
            errors={errors}
            onChange={(change) => patchPerturbation(p.key, change)}
            onRemove={() =>
              setDraft((d) => ({ ...d, perturbations: d.perturbations.filter((x) => x !== p) }))
            }
          />
        ))}
        {errors.perturbations ? <p className="field__error">{errors.perturbations}</p> : null}
        <AssetPicker assets={assets} selected={selected} onAdd={add} />
      </section>
      <RunSettings draft={draft} errors={errors} onChange={patch} onTimeMode={setTimeMode} />
      {errors.form ? (
        <div className="message message--error" role="alert">
          {errors.form}
        </div>
      ) : problems > 0 ? (
        <p className="field__error" role="alert">
          {problems === 1 ? 'One field needs' : `${problems} fields need`} attention (marked above).
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {create.isPending ? 'Starting…' : 'Run scenario'}
      </button>
    </form>
  );
}
