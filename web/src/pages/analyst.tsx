/**
 * Analyst console: API-key login (sessionStorage only), report queue with filters and
 * confirm / reject / merge, trend chart and top identifiers, blocklist export, feedback inbox.
 */
import { useEffect, useState } from 'preact/hooks';
import { CategoryOptions } from '../components/category-options.js';
import { lastDays, StackedDayChart, type DayCategoryCount } from '../components/chart.js';
import { STATUS_KEY } from '../components/lookup-result.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { api, ApiError, getKey, setKey } from '../lib/api.js';
import { detectInput } from '../lib/detect.js';
import { categoryById } from '../lib/knowledge.js';

type Tab = 'queue' | 'trend' | 'blocklist' | 'feedback';
const TABS: { id: Tab; key: MessageKey }[] = [
  { id: 'queue', key: 'analyst.queue' },
  { id: 'trend', key: 'analyst.trend' },
  { id: 'blocklist', key: 'analyst.blocklist' },
  { id: 'feedback', key: 'analyst.feedback' },
];

export function AnalystPage() {
  const { t } = useI18n();
  const [key, setKeyState] = useState<string | null>(getKey);
  const [tab, setTab] = useState<Tab>('queue');

  if (!key) return <Login onLogin={(k) => setKeyState(k)} />;
  return (
    <section aria-labelledby="analyst-title">
      <div class="row spread">
        <h1 id="analyst-title">{t('analyst.title')}</h1>
        <button
          type="button"
          class="btn btn-quiet"
          onClick={() => {
            setKey(null);
            setKeyState(null);
          }}
        >
          {t('analyst.logout')}
        </button>
      </div>
      <div class="tabs" role="tablist" aria-label={t('analyst.title')}>
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            class={`tab${tab === x.id ? ' active' : ''}`}
            onClick={() => setTab(x.id)}
          >
            {t(x.key)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} class="tabpanel">
        {tab === 'queue' && <Queue />}
        {tab === 'trend' && <Trend />}
        {tab === 'blocklist' && <Blocklist />}
        {tab === 'feedback' && <FeedbackInbox />}
      </div>
    </section>
  );
}

function Login({ onLogin }: { onLogin: (key: string) => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    const k = value.trim();
    if (!k) return setError(t('report.err.required'));
    setBusy(true);
    setError(null);
    setKey(k);
    try {
      // Any analyst-only route proves the key and its role.
      await api('/v1/reports?limit=1', { auth: true });
      onLogin(k);
    } catch (err) {
      setKey(null);
      setError(err instanceof ApiError && (err.status === 401 || err.status === 403) ? t('analyst.badKey') : t('err.generic', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t('analyst.title')}</h1>
      <form onSubmit={submit} class="login-form" data-testid="login-form">
        <label for="api-key" class="field-label">
          {t('analyst.key')}
        </label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          value={value}
          aria-describedby="api-key-hint"
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
        <p id="api-key-hint" class="hint">
          {t('analyst.keyHint')}
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t('analyst.login')}
        </button>
      </form>
    </section>
  );
}

interface ReportRow {
  id: string;
  kind: string;
  platform?: string | null;
  subjectValue?: string;
  value?: string;
  category: string;
  description?: string | null;
  evidence?: string | null;
  status: string;
  createdAt: number | string;
  directoryMatch?: boolean;
  mergedInto?: string | null;
  reviewNote?: string | null;
  analysis?: { verdict: string; score: number } | null;
}

const PAGE = 20;
const STATUSES = ['pending', 'confirmed', 'rejected', 'merged'] as const;
const KINDS = ['phone', 'sms', 'url', 'app', 'payment_account', 'im_handle'] as const;
const KIND_KEYS: Record<string, MessageKey> = {
  phone: 'report.kind.phone',
  sms: 'report.kind.sms',
  url: 'report.kind.url',
  app: 'report.kind.app',
  payment_account: 'report.kind.account',
  im_handle: 'report.kind.im',
};

/** A verdict or lookup status in one or two words; unknown values pass through. */
function shortVerdict(t: (k: MessageKey) => string, v: string): string {
  const keys: Record<string, MessageKey> = {
    scam: 'verdict.short.scam',
    suspicious: 'verdict.short.suspicious',
    spam: 'verdict.short.spam',
    safe: 'verdict.short.safe',
    ...STATUS_KEY,
  };
  const k = keys[v];
  return k ? t(k) : v;
}

function useDate() {
  const { lang } = useI18n();
  return (v: number | string | null | undefined) => (v ? new Date(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' }) : '');
}

function Queue() {
  const { t } = useI18n();
  const fmt = useDate();
  const [status, setStatus] = useState<string>('pending');
  const [kind, setKind] = useState('');
  const [category, setCategory] = useState('');
  const [directoryOnly, setDirectoryOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ items: ReportRow[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (status) q.set('status', status);
    if (kind) q.set('kind', kind);
    if (category) q.set('category', category);
    if (directoryOnly) q.set('directory', 'true');
    const needle = search.trim();
    if (needle) {
      // The list filters by one identifier: a number, a link, or else a handle.
      const k = detectInput(needle);
      q.set(k === 'phone' ? 'phone' : k === 'url' ? 'url' : 'handle', needle);
    }
    let live = true;
    api<{ items: ReportRow[]; total: number }>(`/v1/reports?${q}`, { auth: true })
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: Error) => live && setError(t('err.generic', { message: e.message })));
    return () => {
      live = false;
    };
  }, [status, kind, category, directoryOnly, search, offset, reload]);

  async function review(id: string, action: 'confirm' | 'reject' | 'merge', note: string, into?: string) {
    try {
      const r = await api<ReportRow>(`/v1/reports/${encodeURIComponent(id)}/review`, {
        auth: true,
        body: { action, note: note.trim() || undefined, into: into?.trim() || undefined },
      });
      setMessage(t('analyst.reviewed', { id, status: t(`analyst.status.${(r?.status ?? action) as (typeof STATUSES)[number]}` as MessageKey) }));
      setReload((n) => n + 1);
    } catch (e) {
      setMessage(t('err.generic', { message: (e as Error).message }));
    }
  }

  return (
    <div>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span class="field-label">{t('analyst.filter.status')}</span>
          <select id="f-status" value={status} onChange={(e) => (setStatus(e.currentTarget.value), setOffset(0))}>
            <option value="">{t('analyst.filter.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`analyst.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('analyst.filter.kind')}</span>
          <select id="f-kind" value={kind} onChange={(e) => (setKind(e.currentTarget.value), setOffset(0))}>
            <option value="">{t('analyst.filter.all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(KIND_KEYS[k]!)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="field-label">{t('analyst.filter.category')}</span>
          <select id="f-category" value={category} onChange={(e) => (setCategory(e.currentTarget.value), setOffset(0))}>
            <CategoryOptions first={t('analyst.filter.all')} />
          </select>
        </label>
        <label>
          <span class="field-label">{t('analyst.filter.q')}</span>
          <input id="f-q" type="search" value={search} placeholder="13800138000 / example.cn" onChange={(e) => (setSearch(e.currentTarget.value), setOffset(0))} />
        </label>
        <label class="checkbox">
          <input type="checkbox" checked={directoryOnly} onChange={(e) => (setDirectoryOnly(e.currentTarget.checked), setOffset(0))} />
          {t('analyst.filter.directory')}
        </label>
        <button type="button" class="btn" onClick={() => setReload((n) => n + 1)}>
          {t('analyst.refresh')}
        </button>
      </form>
      {message && (
        <p class="ok" role="status">
          {message}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p>{t('common.loading')}</p>}
      {data && data.items.length === 0 && <p class="muted">{t('analyst.empty')}</p>}
      <ul class="queue" data-testid="queue">
        {data?.items.map((r) => (
          <QueueItem key={r.id} r={r} fmt={fmt} onReview={review} />
        ))}
      </ul>
      {data && data.total > PAGE && (
        <div class="row">
          <button type="button" class="btn" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('analyst.prev')}
          </button>
          <span>
            {offset + 1}–{Math.min(offset + PAGE, data.total)} / {data.total}
          </span>
          <button type="button" class="btn" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
            {t('analyst.next')}
          </button>
        </div>
      )}
    </div>
  );
}

function QueueItem(props: {
  r: ReportRow;
  fmt: (v: number | string | null | undefined) => string;
  onReview: (id: string, action: 'confirm' | 'reject' | 'merge', note: string, into?: string) => Promise<void>;
}) {
  const { t, l } = useI18n();
  const { r } = props;
  const [note, setNote] = useState('');
  const [into, setInto] = useState('');
  const [merging, setMerging] = useState(false);
  const value = r.subjectValue ?? r.value ?? '';
  return (
    <li class="card queue-item" data-testid="queue-item" data-id={r.id} data-value={value}>
      <div class="row spread">
        <strong class="mono">{value}</strong>
        <span class={`badge badge-${r.status}`}>{t(`analyst.status.${r.status}` as MessageKey)}</span>
      </div>
      <p class="muted small">
        {r.id} · {t(KIND_KEYS[r.kind] ?? 'report.kind.phone')}
        {r.platform ? ` (${r.platform})` : ''} · {l(categoryById(r.category)?.name) || r.category} · {props.fmt(r.createdAt)}
        {r.analysis ? ` · ${t('analyst.engine', { verdict: shortVerdict(t, r.analysis.verdict), score: r.analysis.score })}` : ''}
        {r.directoryMatch ? ` · ⚠ ${t('analyst.directoryFlag')}` : ''}
      </p>
      {r.description && <p>{r.description}</p>}
      {r.evidence && <pre class="raw">{r.evidence}</pre>}
      {r.status === 'pending' && (
        <div class="review">
          <label for={`note-${r.id}`} class="field-label small">
            {t('analyst.note')}
          </label>
          <input id={`note-${r.id}`} type="text" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          <div class="row">
            <button type="button" class="btn btn-danger" data-testid="confirm" onClick={() => void props.onReview(r.id, 'confirm', note)}>
              {t('analyst.confirm')}
            </button>
            <button type="button" class="btn" data-testid="reject" onClick={() => void props.onReview(r.id, 'reject', note)}>
              {t('analyst.reject')}
            </button>
            <button type="button" class="btn btn-quiet" aria-expanded={merging} onClick={() => setMerging(!merging)}>
              {t('analyst.merge')}
            </button>
          </div>
          {merging && (
            <div class="row">
              <label for={`into-${r.id}`} class="field-label small">
                {t('analyst.mergeInto')}
              </label>
              <input id={`into-${r.id}`} type="text" value={into} onInput={(e) => setInto(e.currentTarget.value)} />
              <button type="button" class="btn" disabled={!into.trim()} onClick={() => void props.onReview(r.id, 'merge', note, into)}>
                OK
              </button>
            </div>
          )}
        </div>
      )}
      {r.reviewNote && <p class="muted small">{r.reviewNote}</p>}
    </li>
  );
}

interface StatsData {
  total?: number;
  byCategory?: { category: string; reports: number }[];
  byDay?: { day: string; reports: number; category?: string }[];
  byDayCategory?: DayCategoryCount[];
  topIdentifiers?: { key: string; value: string; kind: string; reporters: number; reports: number }[];
}

/** Reports per day and category, counted from GET /v1/reports (the stats route gives only day totals). */
async function dayCategorySeries(days: number, cap = 5000): Promise<{ series: DayCategoryCount[]; complete: boolean }> {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const counts = new Map<string, DayCategoryCount>();
  let offset = 0;
  let total = 0;
  do {
    const page = await api<{ items: ReportRow[]; total: number }>(`/v1/reports?since=${encodeURIComponent(since)}&limit=500&offset=${offset}`, { auth: true });
    total = page.total;
    for (const r of page.items) {
      const day = new Date(r.createdAt).toISOString().slice(0, 10);
      const k = `${day}|${r.category}`;
      const c = counts.get(k) ?? { day, category: r.category, reports: 0 };
      c.reports++;
      counts.set(k, c);
    }
    offset += page.items.length;
    if (page.items.length === 0) break;
  } while (offset < total && offset < cap);
  return { series: [...counts.values()], complete: offset >= total };
}

function Trend() {
  const { t, l } = useI18n();
  const [days, setDays] = useState(30);
  const [data, setData] = useState<StatsData | null>(null);
  const [series, setSeries] = useState<DayCategoryCount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api<StatsData>(`/v1/stats?days=${days}`, { auth: true }), dayCategorySeries(days)])
      .then(([st, dc]) => {
        if (!live) return;
        setData(st);
        // Past the cap, fall back to the service's day totals (one series) rather than a partial split.
        setSeries(dc.complete ? dc.series : (st.byDay ?? []).map((d) => ({ day: d.day.slice(0, 10), category: 'all', reports: d.reports })));
      })
      .catch((e: Error) => live && setError(t('err.generic', { message: e.message })));
    return () => {
      live = false;
    };
  }, [days]);
  if (error) return <p class="error">{error}</p>;
  if (!data || !series) return <p>{t('common.loading')}</p>;
  const fmtKind = (k: string) => t(KIND_KEYS[k] ?? 'report.kind.phone');
  const byCat = [...(data.byCategory ?? [])].sort((a, b) => b.reports - a.reports);
  const maxCat = Math.max(1, ...byCat.map((c) => c.reports));
  return (
    <div>
      <label class="inline">
        <span class="field-label">{t('analyst.chartLabel', { days })}</span>
        <select value={String(days)} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {[7, 30, 90].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      {series.length ? <StackedDayChart data={series} days={lastDays(days)} /> : <p class="muted">{t('analyst.noData')}</p>}
      {byCat.length > 0 && (
        <>
          <h2>{t('analyst.byCategory')}</h2>
          <ul class="plain hbars" data-testid="by-category">
            {byCat.map((c) => (
              <li key={c.category}>
                <span class="hbar-label">{l(categoryById(c.category)?.name) || c.category}</span>
                <span class="hbar" style={{ width: `${(100 * c.reports) / maxCat}%` }} aria-hidden="true" />
                <span class="hbar-n">{c.reports}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('analyst.top')}</h2>
      {data.topIdentifiers?.length ? (
        <div class="table-wrap">
          <table data-testid="top-identifiers">
            <thead>
              <tr>
                <th scope="col">{t('analyst.col.value')}</th>
                <th scope="col">{t('analyst.col.kind')}</th>
                <th scope="col">{t('analyst.col.count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.topIdentifiers.map((x) => (
                <tr key={x.key}>
                  <td class="mono">{x.value}</td>
                  <td>{fmtKind(x.kind)}</td>
                  <td>{t('analyst.countLine', { reports: x.reports, reporters: x.reporters })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{t('analyst.noData')}</p>
      )}
    </div>
  );
}

function Blocklist() {
  const { t } = useI18n();
  const [format, setFormat] = useState<'json' | 'csv' | 'txt'>('csv');
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setText(null);
    api<string>(`/v1/blocklist?format=${format}`, { auth: true, text: true })
      .then((d) => live && (setText(d), setError(null)))
      .catch((e: Error) => live && setError(t('err.generic', { message: e.message })));
    return () => {
      live = false;
    };
  }, [format]);
  function download() {
    if (text === null) return;
    const type = format === 'json' ? 'application/json' : format === 'csv' ? 'text/csv' : 'text/plain';
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `fanzha-blocklist.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <div>
      <div class="row">
        <label class="inline">
          <span class="field-label">Format</span>
          <select id="bl-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as typeof format)}>
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
            <option value="txt">TXT</option>
          </select>
        </label>
        <button type="button" class="btn btn-primary" disabled={text === null} onClick={download}>
          {t('analyst.download', { format: format.toUpperCase() })}
        </button>
      </div>
      {error && <p class="error">{error}</p>}
      <h2 class="small">{t('analyst.preview')}</h2>
      <pre class="raw" data-testid="blocklist-preview">
        {text ?? t('common.loading')}
      </pre>
    </div>
  );
}

interface FeedbackRow {
  id: string;
  target: string;
  kind: string;
  subject?: string | null;
  verdict?: string | null;
  note?: string | null;
  createdAt: number | string;
}

function FeedbackInbox() {
  const { t } = useI18n();
  const fmt = useDate();
  const [rows, setRows] = useState<FeedbackRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: FeedbackRow[] } | FeedbackRow[]>('/v1/feedback?limit=100', { auth: true })
      .then((d) => setRows(Array.isArray(d) ? d : d.items))
      .catch((e: Error) =>
        setError(e instanceof ApiError && (e.status === 404 || e.status === 405) ? t('analyst.missing', { what: 'GET /v1/feedback' }) : t('err.generic', { message: e.message })),
      );
  }, []);
  if (error) return <p class="error">{error}</p>;
  if (!rows) return <p>{t('common.loading')}</p>;
  if (!rows.length) return <p class="muted">{t('analyst.noData')}</p>;
  return (
    <ul class="queue" data-testid="feedback-inbox">
      {rows.map((f) => (
        <li key={f.id} class="card">
          <p class="muted small">
            {f.id} · {f.kind === 'false_alarm' ? t('feedback.falseAlarm') : t('feedback.missed')} ·{' '}
            {f.target === 'lookup' ? t('analyst.feedback.onLookup') : t('analyst.feedback.onAnalysis')}
            {f.verdict ? ` (${shortVerdict(t, f.verdict)})` : ''} · {fmt(f.createdAt)}
          </p>
          {f.subject && <pre class="raw">{f.subject}</pre>}
          {f.note && <p>{f.note}</p>}
        </li>
      ))}
    </ul>
  );
}
