import type { ComponentChildren } from 'preact';

interface Props {
  /** id of the control inside; the label points at it. */
  id: string;
  label: string;
  /** Default or unit shown under the control. */
  hint?: string | undefined;
  /** The server's (or our) message for this field, shown next to it and announced. */
  error?: string | undefined;
  children: ComponentChildren;
}

/** A labelled control with its hint and its error; the control should set aria-describedby={describedBy(id)}. */
export function Field({ id, label, hint, error, children }: Props) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}`} data-field={id}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
