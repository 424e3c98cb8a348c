import { useEffect, useState } from 'preact/hooks';
import type { CatalogFreshnessQuery } from '../../gql/graphql';
import { age } from '../../format';

type RegionStatus = CatalogFreshnessQuery['catalogStatus']['regions'][number];

/** The region data's age, source and staleness, ticking while the page is open. */
export function Freshness({ status, region }: { status: RegionStatus | undefined; region: string }) {
  const [, tick] = useState(0);
  const [seen, setSeen] = useState(Date.now());
  useEffect(() => setSeen(Date.now()), [status]);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 10_000);
    return () => clearInterval(t);
  }, []);
  if (!status) {
    return (
      <p class="freshness" role="status" id="freshness">
        Data for {region || 'the region'}: freshness unknown
      </p>
    );
  }
  const seconds = status.ageSeconds + (Date.now() - seen) / 1000;
  return (
    <p class={`freshness${status.stale ? ' stale' : ''}`} role="status" id="freshness">
      <span>
        Data age <strong data-testid="age">{age(seconds)}</strong>
      </span>
      <span>
        source <strong data-testid="source">{status.source === 'LIVE' ? 'live scrape' : 'snapshot'}</strong>
      </span>
      <span>
        {status.stale ? (
          <strong class="badge badge-warn" data-testid="stale">
            Stale: distrust prices
          </strong>
        ) : (
          <strong class="badge badge-ok" data-testid="stale">
            Fresh
          </strong>
        )}
      </span>
      <span class="muted">
        updated {new Date(status.updatedAt).toLocaleString()}, version {status.version}, {status.instanceTypeCount} types
      </span>
    </p>
  );
}
