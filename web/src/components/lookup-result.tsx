/**
 * What the service knows about one identifier: GET /v1/lookup's answer, or one entry of the
 * `identifiers` list that POST /v1/analyze returns. "Unknown is not safe" is always said.
 */
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { categoryById } from '../lib/knowledge.js';
import type { Localized } from '../lib/types.js';

export interface Reputation {
  status: 'unknown' | 'reported' | 'confirmed' | 'cleared' | 'pending_review';
  score?: number;
  reporters?: number;
  reports?: number;
  confirmed?: number;
  rejected?: number;
  pending?: number;
  topCategory?: string | null;
  byCategory?: Record<string, number>;
  firstSeen?: string | null;
  lastSeen?: string | null;
  reason?: Localized;
}

export interface DirectoryMatch {
  id: string;
  name: Localized;
  kind?: string;
  verified?: string;
  matched?: string;
}

export interface LookupData {
  identifier: { type: string; value: string };
  status: 'official' | 'confirmed_scam' | 'reported' | 'cleared' | 'pending_review' | 'unknown';
  note: Localized;
  directory: DirectoryMatch | null;
  reputation: Reputation;
  checks: Record<string, unknown> | null;
}

/** One identifier of an analysis, in the same words as a lookup. */
export interface IdentifierInfo {
  type: string;
  value: string;
  directory: DirectoryMatch | null;
  reputation: Reputation;
}

/** Message keys of the lookup statuses (also used by the analyst console). */
export const STATUS_KEY: Record<LookupData['status'], MessageKey> = {
  official: 'lookup.status.official',
  confirmed_scam: 'lookup.status.confirmed_scam',
  reported: 'lookup.status.reported',
  cleared: 'lookup.status.cleared',
  pending_review: 'lookup.status.pending_review',
  unknown: 'lookup.status.unknown',
};

export function statusOf(info: IdentifierInfo): LookupData['status'] {
  const s = info.reputation.status;
  if (s === 'confirmed') return 'confirmed_scam';
  if (info.directory && s !== 'reported') return s === 'pending_review' ? 'pending_review' : 'official';
  return s;
}

export function LookupResult({ data }: { data: LookupData }) {
  const { t, l, lang } = useI18n();
  const rep = data.reputation;
  const byCat = Object.entries(rep.byCategory ?? {}).filter(([, n]) => n > 0);
  const when = (v: string | null | undefined) => (v ? new Date(v).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en') : null);
  return (
    <div class="lookup-result" data-testid="lookup-result" data-status={data.status}>
      <p class={`status status-${data.status}`}>
        <span class="mono">{data.identifier.value}</span> · <strong>{t(STATUS_KEY[data.status])}</strong>
      </p>
      <p>{l(data.note)}</p>
      {data.status !== 'confirmed_scam' && (
        <p class="unknown-not-safe" data-testid="unknown-not-safe">
          {t('lookup.unknownNotSafe')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('lookup.directory')}</dt>
        <dd>{data.directory ? t('lookup.directoryHit', { name: l(data.directory.name) }) : t('lookup.directoryMiss')}</dd>
        <dt>{t('lookup.reports')}</dt>
        <dd>
          {rep.reports ? t('lookup.reportsCount', { count: rep.reports, reporters: rep.reporters ?? 0, confirmed: rep.confirmed ?? 0 }) : t('lookup.reportsNone')}
          {byCat.length > 0 && (
            <ul class="plain">
              {byCat.map(([c, n]) => (
                <li key={c}>
                  {l(categoryById(c)?.name) || c}: {n}
                </li>
              ))}
            </ul>
          )}
          {rep.lastSeen && <p class="muted">{t('lookup.lastSeen', { time: when(rep.lastSeen) ?? '' })}</p>}
        </dd>
        {rep.reason && rep.status !== 'unknown' && (
          <>
            <dt>{t('lookup.reputation')}</dt>
            <dd>
              {rep.score !== undefined && <span>{t('lookup.repScore', { score: Math.round(rep.score) })} · </span>}
              {l(rep.reason)}
            </dd>
          </>
        )}
        {data.checks && Object.keys(data.checks).length > 0 && (
          <>
            <dt>{t('lookup.findings')}</dt>
            <dd>
              <Findings checks={data.checks} />
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** The intel checkers' findings: their shape belongs to src/intel, so only localized texts are picked out. */
function Findings({ checks }: { checks: Record<string, unknown> }) {
  const { l } = useI18n();
  const texts: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 4 || texts.length > 12 || v === null || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (typeof o['zh'] === 'string' && typeof o['en'] === 'string') {
      texts.push(l(o as unknown as Localized));
      return;
    }
    for (const x of Array.isArray(v) ? v : Object.values(o)) walk(x, depth + 1);
  };
  walk(checks, 0);
  if (texts.length === 0) {
    return <pre class="raw">{JSON.stringify(checks, null, 2)}</pre>;
  }
  return (
    <ul class="plain">
      {[...new Set(texts)].map((x, i) => (
        <li key={i}>{x}</li>
      ))}
    </ul>
  );
}
