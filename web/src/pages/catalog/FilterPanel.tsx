import { Field, describedBy } from '../../components/Field';
import type { FilterForm } from './filters';

interface Props {
  form: FilterForm;
  onChange: (f: FilterForm) => void;
  onApply: () => void;
  onReset: () => void;
  /** BAD_USER_INPUT messages by argument path, e.g. "filter.vcpu". */
  errors: Record<string, string>;
  zoneSelected: boolean;
}

const architectures = ['X86', 'ARM'];
const categories = ['GENERAL', 'COMPUTE', 'MEMORY', 'BURSTABLE', 'GPU', 'HIGH_CLOCK_SPEED', 'LOCAL_SSD', 'BIG_DATA', 'OTHER'];
const networks = ['LOW', 'MODERATE', 'HIGH', 'EXTRA_HIGH'];

/** Open on a laptop, folded on a phone (the table comes first there). */
const openAtStart = typeof window === 'undefined' || window.innerWidth > 700;

/** Server-side filters: the InstanceTypeFilter input, field by field. */
export function FilterPanel({ form, onChange, onApply, onReset, errors, zoneSelected }: Props) {
  const active = Object.entries(form).filter(([k, v]) => k !== 'inStockOnly' && (Array.isArray(v) ? v.length > 0 : v !== '')).length;
  const set = <K extends keyof FilterForm>(k: K, v: FilterForm[K]) => onChange({ ...form, [k]: v });
  const err = (arg: string) =>
    Object.entries(errors)
      .filter(([k]) => k === `filter.${arg}` || k.startsWith(`filter.${arg}.`))
      .map(([, m]) => m)
      .join(' ') || undefined;
  const numberInput = (id: string, k: keyof FilterForm, arg: string, step = '1') => (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      step={step}
      min="0"
      value={form[k] as string}
      aria-invalid={err(arg) ? true : undefined}
      aria-describedby={describedBy(id, undefined, err(arg))}
      onInput={(e) => set(k, (e.target as HTMLInputElement).value as never)}
    />
  );
  const toggleList = (k: 'architectures' | 'categories' | 'networkPerformance', v: string) =>
    set(k, form[k].includes(v) ? form[k].filter((x) => x !== v) : [...form[k], v]);

  return (
    <form
      class="filters"
      aria-label="Filters"
      onSubmit={(e) => {
        e.preventDefault();
        onApply();
      }}
    >
      <details class="filter-details" open={openAtStart}>
        <summary>
          Filters{active > 0 ? ` (${active} set)` : ''}
        </summary>
        <div class="grid">
          <Field id="f-vcpu-min" label="vCPU at least" error={err('vcpu')}>
            {numberInput('f-vcpu-min', 'vcpuMin', 'vcpu')}
          </Field>
          <Field id="f-vcpu-max" label="vCPU at most">
            {numberInput('f-vcpu-max', 'vcpuMax', 'vcpu.max')}
          </Field>
          <Field id="f-mem-min" label="Memory GiB at least" error={err('memoryGiB')}>
            {numberInput('f-mem-min', 'memMin', 'memoryGiB', 'any')}
          </Field>
          <Field id="f-mem-max" label="Memory GiB at most">
            {numberInput('f-mem-max', 'memMax', 'memoryGiB.max', 'any')}
          </Field>
          <Field id="f-gpu-min" label="GPUs at least" error={err('gpuCount')}>
            {numberInput('f-gpu-min', 'gpuMin', 'gpuCount')}
          </Field>
          <Field id="f-gpu-model" label="GPU model" error={err('gpuModel')}>
            <input
              id="f-gpu-model"
              type="text"
              value={form.gpuModel}
              placeholder="e.g. NVIDIA A10"
              onInput={(e) => set('gpuModel', (e.target as HTMLInputElement).value)}
            />
          </Field>
          <Field id="f-max-price" label="On-demand price at most (per hour)" error={err('maxPrice')}>
            {numberInput('f-max-price', 'maxPrice', 'maxPrice', 'any')}
          </Field>
          <Field id="f-families" label="Families" hint="Comma separated, e.g. ecs.g7, ecs.c7" error={err('families')}>
            <input
              id="f-families"
              type="text"
              value={form.families}
              aria-describedby="f-families-hint"
              onInput={(e) => set('families', (e.target as HTMLInputElement).value)}
            />
          </Field>
          <Field id="f-burstable" label="Burstable">
            <select id="f-burstable" value={form.burstable} onChange={(e) => set('burstable', (e.target as HTMLSelectElement).value as FilterForm['burstable'])}>
              <option value="">Any</option>
              <option value="true">Only burstable</option>
              <option value="false">No burstable</option>
            </select>
          </Field>
          <Field id="f-generation" label="Generation">
            <select
              id="f-generation"
              value={form.currentGeneration}
              onChange={(e) => set('currentGeneration', (e.target as HTMLSelectElement).value as FilterForm['currentGeneration'])}
            >
              <option value="">Any</option>
              <option value="true">Current only</option>
              <option value="false">Previous only</option>
            </select>
          </Field>
        </div>
        <div class="checks">
          <fieldset>
            <legend>Architecture</legend>
            {architectures.map((a) => (
              <label key={a} class="check">
                <input type="checkbox" checked={form.architectures.includes(a)} onChange={() => toggleList('architectures', a)} /> {a}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Category</legend>
            {categories.map((c) => (
              <label key={c} class="check">
                <input type="checkbox" checked={form.categories.includes(c)} onChange={() => toggleList('categories', c)} />{' '}
                {c.toLowerCase().replace(/_/g, ' ')}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Network</legend>
            {networks.map((c) => (
              <label key={c} class="check">
                <input type="checkbox" checked={form.networkPerformance.includes(c)} onChange={() => toggleList('networkPerformance', c)} />{' '}
                {c.toLowerCase().replace(/_/g, ' ')}
              </label>
            ))}
          </fieldset>
          <label class="check">
            <input
              type="checkbox"
              checked={form.inStockOnly}
              disabled={!zoneSelected}
              onChange={(e) => set('inStockOnly', (e.target as HTMLInputElement).checked)}
            />{' '}
            With stock in the selected zone
          </label>
        </div>
        <div class="actions">
          <button type="submit">Apply filters</button>
          <button type="button" class="secondary" onClick={onReset}>
            Clear filters
          </button>
        </div>
      </details>
    </form>
  );
}
