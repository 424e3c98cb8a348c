import { Field, describedBy } from '../../components/Field';
import { defaults, type RequestForm } from './request';
import { RegionOptions } from '../../components/RegionOptions';

interface Props {
  form: RequestForm;
  onChange: (f: RequestForm) => void;
  onSubmit: () => void;
  onReset: () => void;
  errors: Partial<Record<keyof RequestForm, string>>;
  regions: { id: string; name: string; zones: { id: string }[] }[];
  busy: boolean;
}

const architectures = ['X86', 'ARM'];
const categories = ['GENERAL', 'COMPUTE', 'MEMORY', 'BURSTABLE', 'GPU', 'HIGH_CLOCK_SPEED', 'LOCAL_SSD', 'BIG_DATA', 'OTHER'];
const networks = ['LOW', 'MODERATE', 'HIGH', 'EXTRA_HIGH'];
const pretty = (s: string) => s.toLowerCase().replace(/_/g, ' ');

/** Every LayoutRequest field with its default shown and the server's message next to it. */
export function RequestFormView({ form, onChange, onSubmit, onReset, errors, regions, busy }: Props) {
  const set = <K extends keyof RequestForm>(k: K, v: RequestForm[K]) => onChange({ ...form, [k]: v });
  const id = (k: keyof RequestForm) => `r-${k}`;

  const text = (k: keyof RequestForm, label: string, opts: { hint?: string; type?: 'text' | 'number'; step?: string; placeholder?: string } = {}) => {
    const hint = opts.hint ?? (defaults[k] === '' ? undefined : `Default ${String(defaults[k])}`);
    return (
      <Field id={id(k)} label={label} hint={hint} error={errors[k]}>
        <input
          id={id(k)}
          name={k}
          type={(opts.type ?? 'number') as 'number'}
          inputMode={opts.type === 'text' ? 'text' : 'decimal'}
          step={opts.step ?? '1'}
          placeholder={opts.placeholder}
          value={form[k] as string}
          aria-invalid={errors[k] ? true : undefined}
          aria-describedby={describedBy(id(k), hint, errors[k])}
          onInput={(e) => set(k, (e.target as HTMLInputElement).value as never)}
        />
      </Field>
    );
  };
  const flag = (k: 'allowBurst' | 'allowOlderGen' | 'sameSize' | 'wait', label: string) => (
    <div class={`field${errors[k] ? ' field-invalid' : ''}`}>
      <label class="check" for={id(k)}>
        <input id={id(k)} name={k} type="checkbox" checked={form[k]} onChange={(e) => set(k, (e.target as HTMLInputElement).checked)} /> {label}
      </label>
      <small class="hint">Default {defaults[k] ? 'on' : 'off'}</small>
      {errors[k] && (
        <small class="field-error" role="alert" id={`${id(k)}-error`}>
          {errors[k]}
        </small>
      )}
    </div>
  );
  const choices = (k: 'architectures' | 'categories' | 'networkPerf' | 'zones', legend: string, values: string[], hint: string) => (
    <fieldset class={errors[k] ? 'field-invalid' : undefined} id={id(k)} aria-describedby={errors[k] ? `${id(k)}-error` : undefined}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} class="check">
          <input
            type="checkbox"
            name={k}
            value={v}
            checked={form[k].includes(v)}
            onChange={() => set(k, form[k].includes(v) ? form[k].filter((x) => x !== v) : [...form[k], v])}
          />{' '}
          {k === 'zones' ? v : pretty(v)}
        </label>
      ))}
      <small class="hint block">{hint}</small>
      {errors[k] && (
        <small class="field-error" role="alert" id={`${id(k)}-error`}>
          {errors[k]}
        </small>
      )}
    </fieldset>
  );
  const zones = regions.find((r) => r.id === form.region)?.zones.map((z) => z.id) ?? [];

  return (
    <form
      class="request-form"
      aria-label="Layout request"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset>
        <legend>Where</legend>
        <div class="grid">
          {text('provider', 'Provider', { type: 'text', hint: 'Default alibaba' })}
          <Field id={id('region')} label="Region" error={errors.region} hint="Required">
            <select
              id={id('region')}
              name="region"
              value={form.region}
              aria-invalid={errors.region ? true : undefined}
              aria-describedby={describedBy(id('region'), 'Required', errors.region)}
              onChange={(e) => onChange({ ...form, region: (e.target as HTMLSelectElement).value, zones: [] })}
            >
              <RegionOptions regions={regions} selected={form.region} />
            </select>
          </Field>
        </div>
        {choices('zones', 'Zones', zones, 'Every pool has stock in each ticked zone. None ticked: all zones.')}
      </fieldset>
      <fieldset>
        <legend>What the pods need</legend>
        <div class="grid">
          {text('cpu', 'vCPU', { step: 'any' })}
          {text('memoryGiB', 'Memory GiB', { step: 'any' })}
          {text('gpus', 'GPUs')}
          {text('gpuModel', 'GPU model', { type: 'text', hint: 'Default none', placeholder: 'e.g. NVIDIA A10' })}
          {text('podCpu', 'Largest pod vCPU', { step: 'any', hint: 'Empty: no largest-pod rule' })}
          {text('podMemoryGiB', 'Largest pod memory GiB', { step: 'any', hint: 'Empty: no largest-pod rule' })}
          {text('podGpus', 'Largest pod GPUs', { hint: 'Default 0' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>Nodes and pools</legend>
        <div class="grid">
          {text('minNodes', 'Minimum nodes')}
          {text('maxNodes', 'Maximum nodes')}
          {text('maxPools', 'Maximum pools', { hint: 'Empty: no limit' })}
          {text('onDemandPct', 'On-demand share %', { hint: 'Default 0 (all may be spot)' })}
          {text('spotDiversity', 'Spot diversity', { hint: 'Default 1 (no rule)' })}
          {text('alternatives', 'Layouts to return')}
          {text('timeLimitMs', 'Time limit ms', { hint: "Empty: the service's answer time (100 ms), or its whole limit when waiting" })}
        </div>
        <div class="checks">
          {flag('sameSize', 'Every node the same size')}
          {flag('allowBurst', 'Allow burstable types')}
          {flag('allowOlderGen', 'Allow previous generations')}
          {flag('wait', 'Wait for the final answer (no proof in the background)')}
        </div>
      </fieldset>
      <fieldset>
        <legend>Instance types</legend>
        <div class="checks">
          {choices('architectures', 'Architectures', architectures, 'None ticked: any.')}
          {choices('categories', 'Categories', categories, 'None ticked: any.')}
          {choices('networkPerf', 'Network', networks, 'None ticked: any.')}
        </div>
        <div class="grid">
          {text('includes', 'Only these types or families', { type: 'text', hint: 'Comma separated, e.g. ecs.g7. Empty: all' })}
          {text('excludes', 'Never these types or families', { type: 'text', hint: 'Comma separated. Empty: none' })}
          {text('org', 'Organisation (optional)', { type: 'text', hint: 'Keeps the answer for its members; needs a token' })}
        </div>
      </fieldset>
      <div class="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Solving…' : 'Recommend'}
        </button>
        <button type="button" class="secondary" onClick={onReset}>
          Reset to defaults
        </button>
      </div>
    </form>
  );
}
