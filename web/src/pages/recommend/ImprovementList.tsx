import type { RecommendationViewFragment } from '../../gql/graphql';
import { num, price } from '../../format';

type Improvement = RecommendationViewFragment['improvements'][number];

const before = (from: number | null | undefined, to: number | null | undefined, show: (v: number) => string) =>
  `${from == null ? 'none' : show(from)} → ${to == null ? 'none' : show(to)}`;

/** What each background change did: a price only falls, a bound only rises, the status may become OPTIMAL. */
function describe(i: Improvement, currency: string): string {
  const parts: string[] = [];
  if (i.status !== i.previousStatus) parts.push(`status ${i.previousStatus} → ${i.status}`);
  if (i.changes.includes('PRICE')) parts.push(`best ${before(i.previousHourlyPrice, i.hourlyPrice, (v) => price(v, currency))} per hour`);
  if (i.changes.includes('BOUND')) parts.push(`bound ${before(i.previousLowerBound, i.lowerBound, (v) => price(v, currency))}`);
  if (i.changes.includes('GAP')) parts.push(`gap ${before(i.previousGap, i.gap, (v) => `${num(v * 100)} %`)}`);
  if (i.changes.includes('LAYOUTS') && !i.changes.includes('PRICE')) parts.push('alternatives re-ranked');
  return parts.join('; ');
}

/** The background proof's changes to this answer, oldest first; nothing when it was final as given. */
export function ImprovementList({ rec }: { rec: RecommendationViewFragment }) {
  if (rec.improvements.length === 0) return null;
  return (
    <section class="improvements" aria-labelledby="improvements-title" data-testid="improvements">
      <h3 id="improvements-title">Improved after the answer</h3>
      <ol>
        {rec.improvements.map((i) => (
          <li key={i.at}>
            <time dateTime={i.at}>{new Date(i.at).toLocaleTimeString()}</time>: {describe(i, rec.currency)}
          </li>
        ))}
      </ol>
    </section>
  );
}
