import { describedBy, Field } from './Field';

interface Props {
  id: string;
  label: string;
  value: string;
  /** The server's message for this field (BAD_USER_INPUT at its argument), if any. */
  error?: string | undefined;
  onValue: (value: string) => void;
}

/** A labelled non-negative amount (vCPU, GiB) typed as text, so what was typed survives a refused request. */
export function AmountField({ id, label, value, error, onValue }: Props) {
  return (
    <Field id={id} label={label} error={error}>
      <input
        id={id}
        type="number"
        min="0"
        step="any"
        value={value}
        aria-describedby={describedBy(id, undefined, error)}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    </Field>
  );
}
