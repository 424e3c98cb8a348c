import { useEffect, useState } from 'preact/hooks';
import {
  ProvisionOperationDocument,
  ProvisionRetryDocument,
  ProvisionRollBackDocument,
  type ProvisionOperationFieldsFragment,
} from '../../gql/graphql';
import { request } from '../../graphql/client';
import { Banner } from '../../components/Banner';

type Operation = ProvisionOperationFieldsFragment;

/** States after which nothing changes unless the user retries or rolls back. */
export const finalStates = new Set(['SUCCEEDED', 'FAILED', 'ROLLED_BACK', 'CANCELLED']);

const stateLabel: Record<string, string> = {
  PENDING: 'Pending',
  RUNNING: 'Running',
  SUCCEEDED: 'Done',
  FAILED: 'Failed',
  ROLLING_BACK: 'Rolling back',
  ROLLED_BACK: 'Rolled back',
  CANCELLED: 'Cancelled',
  SKIPPED: 'Skipped',
};

const badge = (state: string) =>
  state === 'SUCCEEDED' ? 'badge-ok' : state === 'FAILED' ? 'badge-err' : state === 'ROLLED_BACK' || state === 'CANCELLED' ? 'badge-warn' : 'badge';

const time = (t: string | null | undefined) => (t ? `${new Date(t).toLocaleTimeString('en-GB', { timeZone: 'UTC' })} UTC` : '');

/** One operation followed live: polled about every second until it reaches a final state; retry or roll back a failure. */
export function OperationView({ org, id }: { org: string; id: string }) {
  const [operation, setOperation] = useState<Operation | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [actionFailure, setActionFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [poll, setPoll] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    request(ProvisionOperationDocument, { org, id }, ctl.signal)
      .then((d) => {
        setFailure(null);
        setOperation(d.operation ?? null);
        if (!d.operation) setFailure(new Error(`No operation ${id} in organisation ${org}.`));
        else if (!finalStates.has(d.operation.state)) timer = setTimeout(() => setPoll((p) => p + 1), 1000);
      })
      .catch((e) => {
        if (ctl.signal.aborted) return;
        setFailure(e);
        // Keep following through a blip (server restart, network): try again a little later.
        timer = setTimeout(() => setPoll((p) => p + 1), 3000);
      });
    return () => {
      ctl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [org, id, poll]);

  const act = async (kind: 'retry' | 'rollback') => {
    setBusy(true);
    setActionFailure(null);
    try {
      const d =
        kind === 'retry'
          ? (await request(ProvisionRetryDocument, { org, id })).retryOperation
          : (await request(ProvisionRollBackDocument, { org, id })).rollBackOperation;
      setOperation(d);
      setPoll((p) => p + 1);
    } catch (e) {
      setActionFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="operation-title" aria-busy={operation ? !finalStates.has(operation.state) : true}>
      <h2 id="operation-title">
        Operation <span class="mono">{id}</span>
      </h2>
      <Banner failure={failure} onRetry={() => setPoll((p) => p + 1)} />
      <Banner failure={actionFailure} onDismiss={() => setActionFailure(null)} />
      {operation && (
        <>
          <p>
            <span class="sr-only">State: </span>
            <span id="operation-state" class={`badge ${badge(operation.state)}`} data-state={operation.state}>
              {stateLabel[operation.state] ?? operation.state}
            </span>{' '}
            {operation.kind.replace(/_/g, ' ').toLowerCase()}
            {operation.clusterId && (
              <>
                {' '}
                of cluster <span class="mono">{operation.clusterId}</span>
              </>
            )}
            {!finalStates.has(operation.state) && <span class="muted"> · following live</span>}
          </p>
          <ol class="op-steps" aria-label="Steps">
            {operation.steps.map((step, i) => (
              <li key={`${step.name}-${i}`} class={`state-${step.state}`} data-step={step.name} data-state={step.state}>
                <strong>{step.name}</strong>
                {step.nodePool && <span> ({step.nodePool})</span>}: {stateLabel[step.state] ?? step.state}
                {step.attempts > 1 && <span class="muted"> · {step.attempts} attempts</span>}
                {step.finishedAt && <span class="muted small"> · {time(step.finishedAt)}</span>}
                {step.state === 'FAILED' && (step.vendorCode || step.vendorMessage) && (
                  <dl class="op-vendor-error" aria-label={`Alibaba Cloud error of ${step.name}`}>
                    <dt>Alibaba code</dt>
                    <dd class="mono" data-vendor-code>
                      {step.vendorCode ?? '(none)'}
                    </dd>
                    {step.vendorMessage && (
                      <>
                        <dt>Message</dt>
                        <dd>{step.vendorMessage}</dd>
                      </>
                    )}
                    {step.vendorRequestId && (
                      <>
                        <dt>Request id</dt>
                        <dd class="mono">{step.vendorRequestId}</dd>
                      </>
                    )}
                  </dl>
                )}
              </li>
            ))}
          </ol>
          {operation.state === 'FAILED' && (
            <div class="actions">
              <button type="button" onClick={() => act('retry')} disabled={busy}>
                Retry from the failed step
              </button>
              <button type="button" class="secondary" onClick={() => act('rollback')} disabled={busy}>
                Roll back
              </button>
            </div>
          )}
          {operation.state === 'SUCCEEDED' && (
            <p>
              Done. <a href="/clusters">See the clusters</a>.
            </p>
          )}
        </>
      )}
    </section>
  );
}
