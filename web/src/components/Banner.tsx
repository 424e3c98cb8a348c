import type { ComponentChildren } from 'preact';
import { describe, RequestFailure } from '../graphql/errors';

interface Props {
  failure: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
}

/** One clear sentence about a failed call, with retry; pages keep their form state underneath. */
export function Banner({ failure, onRetry, onDismiss }: Props) {
  if (!failure) return null;
  const kind = failure instanceof RequestFailure ? failure.kind : 'other';
  return (
    <div class={`banner banner-${kind === 'bad-input' ? 'warn' : 'error'}`} role="alert" data-kind={kind}>
      <p>{describe(failure)}</p>
      <div class="banner-actions">
        {kind === 'unauthenticated' && <a href="/signin">Sign in</a>}
        {onRetry && (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
        {onDismiss && (
          <button type="button" class="secondary" onClick={onDismiss} aria-label="Dismiss message">
            Dismiss
          </button>
        )}
      </div>
    </div>
  );
}

export function Notice({ children, tone = 'info' }: { children: ComponentChildren; tone?: 'info' | 'warn' }) {
  return (
    <div class={`banner banner-${tone}`} role="status">
      {children}
    </div>
  );
}
