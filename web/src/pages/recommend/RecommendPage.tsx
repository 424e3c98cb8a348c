import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  BaselineCandidatesDocument,
  RecommendationByIdDocument,
  RecommendLayoutDocument,
  RecommendPlacesDocument,
  type RecommendationViewFragment,
  type RecommendPlacesQuery,
} from '../../gql/graphql';
import { request } from '../../graphql/client';
import { RequestFailure } from '../../graphql/errors';
import { Banner } from '../../components/Banner';
import { setQuery } from '../../router';
import { age } from '../../format';
import { defaults, errorsByField, example, fromQuery, toInput, toQuery, type RequestForm } from './request';
import { RequestFormView } from './RequestFormView';
import { LayoutCard } from './LayoutCard';
import { PriceComparison } from './PriceComparison';
import { ImprovementList } from './ImprovementList';
import { singleTypeBaseline, type Baseline, type Candidate } from './baseline';

type Regions = RecommendPlacesQuery['providers'][number]['regions'];

/**
 * An answer the service is still proving in the background (proof PROVING) is read again with recommendation(id)
 * until DONE; the service's whole time limit is 10 s by default, so this stops well after it in any configuration
 * short of a minute.
 */
const pollEveryMs = 1000;
const pollAtMost = 60;

/** Recommend: the request form, the layouts as cards, a price chart with a single-type baseline, a reproducible URL. */
export default function RecommendPage() {
  const fromUrl = useMemo(() => fromQuery(new URLSearchParams(location.search)), []);
  const [form, setForm] = useState<RequestForm>(fromUrl ?? example);
  const [regions, setRegions] = useState<Regions>([]);
  const [rec, setRec] = useState<RecommendationViewFragment | null>(null);
  const [solvedFor, setSolvedFor] = useState<RequestForm | null>(null);
  const [baseline, setBaseline] = useState<Baseline | null | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof RequestForm, string>>>({});
  const [busy, setBusy] = useState(false);
  const [polls, setPolls] = useState(0);
  const candidates = useRef(new Map<string, Candidate[]>());
  const results = useRef<HTMLElement>(null);

  useEffect(() => {
    request(RecommendPlacesDocument, {})
      .then((d) => setRegions(d.providers.find((p) => p.id === (form.provider || 'alibaba'))?.regions ?? []))
      .catch(() => undefined); // a free-text region still works; submitting reports an unreachable service
    if (fromUrl) void submit(fromUrl);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(f: RequestForm) {
    setBusy(true);
    setQuery(toQuery(f));
    try {
      const d = await request(RecommendLayoutDocument, { input: toInput(f), org: f.org.trim() || null });
      setRec(d.recommendLayout);
      setSolvedFor(f);
      setPolls(0);
      setFailure(null);
      setErrors({});
      void loadBaseline(f);
      requestAnimationFrame(() => results.current?.focus());
    } catch (e) {
      if (e instanceof RequestFailure && e.kind === 'bad-input') {
        const { fields, rest } = errorsByField(e.fieldErrors());
        setErrors(fields);
        setFailure(rest.length || Object.keys(fields).length === 0 ? new RequestFailure('bad-input', rest.join(' ') || e.message, e.errors) : null);
        const first = Object.keys(fields)[0];
        if (first) requestAnimationFrame(() => document.getElementById(`r-${first}`)?.focus());
      } else {
        setErrors({});
        setFailure(e);
      }
    } finally {
      setBusy(false);
    }
  }

  async function loadBaseline(f: RequestForm) {
    const key = `${f.provider}/${f.region}`;
    try {
      let types = candidates.current.get(key);
      if (!types) {
        const d = await request(BaselineCandidatesDocument, { provider: f.provider || 'alibaba', region: f.region });
        types = d.instanceTypes.nodes;
        candidates.current.set(key, types);
      }
      setBaseline(singleTypeBaseline(types, f));
    } catch {
      setBaseline(undefined);
    }
  }

  // While not final, read the answer again: the proof may finish later and improve it.
  useEffect(() => {
    if (!rec || rec.proof !== 'PROVING' || polls >= pollAtMost) return;
    const t = setTimeout(() => {
      request(RecommendationByIdDocument, { id: rec.id })
        .then((d) => {
          if (d.recommendation) setRec(d.recommendation);
          setPolls((n) => n + 1);
        })
        .catch(() => setPolls(pollAtMost)); // stop polling; the answer shown stays valid
    }, pollEveryMs);
    return () => clearTimeout(t);
  }, [rec, polls]);

  // For measurements (tests read it): when the cards of the latest answer are on screen.
  useEffect(() => {
    if (rec) performance.mark('console:cards-rendered', { detail: rec.id });
  }, [rec]);

  const link = `${location.origin}/recommend?${toQuery(solvedFor ?? form).toString()}`;

  return (
    <section class="recommend" aria-labelledby="recommend-title">
      <h1 id="recommend-title">Recommend a node-pool layout</h1>
      <Banner failure={failure} onRetry={() => void submit(form)} onDismiss={() => setFailure(null)} />
      <div class="recommend-grid">
        <RequestFormView
          form={form}
          onChange={setForm}
          onSubmit={() => void submit(form)}
          onReset={() => {
            setForm(defaults);
            setErrors({});
          }}
          errors={errors}
          regions={regions}
          busy={busy}
        />
        <section class="results" aria-labelledby="results-title" tabIndex={-1} ref={results} aria-live="polite" aria-busy={busy}>
          <h2 id="results-title">Layouts</h2>
          {!rec ? (
            <p class="muted">Fill in what your pods need and press Recommend.</p>
          ) : (
            <>
              <p class="summary" data-testid="summary">
                {rec.layouts.length} layout{rec.layouts.length === 1 ? '' : 's'} for {rec.request.region}, solved in {rec.solveTimeMs} ms over catalog
                version {rec.catalogVersion} ({age(rec.catalogAgeSeconds)} old).{' '}
                {rec.proof === 'PROVING' && polls < pollAtMost && (
                  <span class="badge badge-warn" data-testid="proving">Proof still running: this may improve</span>
                )}
                {rec.provenAt && (
                  <span class="badge badge-ok" data-testid="proven-at">
                    Proven {new Date(rec.provenAt).toLocaleTimeString()}
                  </span>
                )}
              </p>
              {rec.explanation && (
                <p class={`banner ${rec.status === 'INFEASIBLE' ? 'banner-warn' : 'banner-info'}`} data-testid="explanation">
                  {rec.explanation}
                </p>
              )}
              <div class="cards">
                {rec.layouts.map((l, i) => (
                  <LayoutCard key={i} rec={rec} layout={l} index={i} />
                ))}
              </div>
              <ImprovementList rec={rec} />
              {rec.layouts.length > 0 && <PriceComparison rec={rec} baseline={baseline} />}
              <p class="small">
                <a href={link} data-testid="request-link">
                  Link to this request
                </a>{' '}
                <span class="muted">(opening it solves the same request again; answer id {rec.id}, kept until {new Date(rec.expiresAt).toLocaleString()})</span>
              </p>
            </>
          )}
        </section>
      </div>
    </section>
  );
}
