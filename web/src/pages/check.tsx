/** Check (home): one box, the page detects what was pasted, and answers in plain words. */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { HighlightedText } from '../components/highlighted-text.js';
import { LookupResult, statusOf, type IdentifierInfo, type LookupData } from '../components/lookup-result.js';
import { VerdictBanner } from '../components/verdict-banner.js';
import { useI18n } from '../i18n/i18n.js';
import { api, ApiError } from '../lib/api.js';
import { detectInput, parseTranscript, type InputKind } from '../lib/detect.js';
import { categoryById, contactById, knowledge } from '../lib/knowledge.js';
import type { Analysis, ConversationAnalysis, Verdict } from '../lib/types.js';
import { excerpt, firstAdvice, prefillFromAnalysis } from '../lib/warning.js';
import { navigate } from '../router.js';
import { FeedbackForm } from '../components/feedback-form.js';

type Result = { text: string; kind: InputKind; analysis: Analysis; identifiers: IdentifierInfo[]; lookup: LookupData | null; receivedAt: number };

/** POST /v1/analyze answers the engine's analysis plus what reports and the directory know. */
interface AnalyzeResponse {
  analysis: Analysis;
  identifiers?: IdentifierInfo[];
  message?: string;
}

declare global {
  interface Window {
    /** Read by the browser test: ms from the response arriving to the verdict committed / painted. */
    __fanzhaTimings?: { commitMs: number; paintMs: number }[];
  }
}

import { PREFILL_KEY } from '../lib/warning.js';

export function CheckPage() {
  const { t, l, lang } = useI18n();
  const [input, setInput] = useState('');
  const [sender, setSender] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'ok' | 'failed'>('idle');
  const [showFeedback, setShowFeedback] = useState(false);
  const bannerRef = useRef<HTMLDivElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const kind = useMemo(() => detectInput(input), [input]);

  // Timing: from the parsed response to the verdict in the DOM (commit) and on screen (next frame).
  useLayoutEffect(() => {
    if (!result) return;
    const commitMs = performance.now() - result.receivedAt;
    bannerRef.current?.focus({ preventScroll: false });
    requestAnimationFrame(() =>
      setTimeout(() => {
        const paintMs = performance.now() - result.receivedAt;
        (window.__fanzhaTimings ??= []).push({ commitMs, paintMs });
      }, 0),
    );
  }, [result]);

  useEffect(() => () => abortRef.current?.abort(), []);

  async function submit(e?: Event) {
    e?.preventDefault();
    const text = input;
    if (!text.trim()) {
      setError(t('check.empty'));
      return;
    }
    abortRef.current?.abort();
    const ac = new AbortController();
    abortRef.current = ac;
    setBusy(true);
    setError(null);
    setCopyState('idle');
    setShowFeedback(false);
    const k = detectInput(text);
    try {
      const turns = k === 'transcript' ? parseTranscript(text) : null;
      const from = sender.trim().slice(0, 64);
      const body = { ...(turns ? { turns } : { text: text.trim() }), lang, ...(from ? { sender: from } : {}) };
      const lookupQuery = k === 'phone' ? `phone=${encodeURIComponent(text.trim())}` : k === 'url' ? `url=${encodeURIComponent(text.trim())}` : null;
      const [res, lookup] = await Promise.all([
        api<AnalyzeResponse>('/v1/analyze', { body, signal: ac.signal }),
        lookupQuery ? api<LookupData>(`/v1/lookup?${lookupQuery}`, { signal: ac.signal }).catch(() => null) : Promise.resolve(null),
      ]);
      const analysis = res.analysis;
      // Spans index the text the engine read: the trimmed input, or the turns joined by newlines.
      const shown = turns ? ((analysis as ConversationAnalysis).text ?? turns.map((x) => x.text).join('\n')) : text.trim();
      setResult({ text: shown, kind: k, analysis, identifiers: res.identifiers ?? [], lookup, receivedAt: performance.now() });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      const msg = err instanceof ApiError && err.code === 'network' ? t('err.network') : (err as Error).message;
      setError(t('check.error', { message: msg }));
    } finally {
      if (abortRef.current === ac) setBusy(false);
    }
  }

  const a = result?.analysis;
  const cat = categoryById(a?.category);
  const contacts = useMemo(() => {
    if (!a) return [];
    const ids = [...new Set(a.entities.filter((e) => e.kind === 'brand').map((e) => e.value))];
    const named = ids.map((id) => contactById(id)).filter((c) => c !== undefined);
    if (named.length > 0 || (a.verdict !== 'scam' && a.verdict !== 'suspicious')) return named;
    // No organisation named: the public body this kind of scam pretends to be (police 110, courts 12368…),
    // and the anti-fraud line in any case.
    const publicBodies = knowledge.directory.filter((d) => d.impersonatedAs === a.category && (d.kind === 'government' || d.kind === 'court'));
    const antiFraud = contactById('anti_fraud_center');
    return [...publicBodies, ...(antiFraud ? [antiFraud] : [])];
  }, [a]);

  function warningText(an: Analysis): string {
    const verdictWord: Record<Verdict, string> = {
      scam: lang === 'zh' ? '是诈骗' : 'is a scam',
      suspicious: lang === 'zh' ? '可能是诈骗' : 'may be a scam',
      spam: lang === 'zh' ? '是广告' : 'is advertising',
      safe: lang === 'zh' ? '没有明显诈骗迹象' : 'shows no clear sign of fraud',
    };
    return t('check.warningText', {
      verdict: verdictWord[an.verdict],
      category: cat ? l(cat.name) : '—',
      excerpt: excerpt(result?.text ?? ''),
      advice: firstAdvice(an.advice, lang),
    });
  }

  async function copyWarning() {
    if (!a) return;
    const text = warningText(a);
    try {
      await navigator.clipboard.writeText(text);
      setCopyState('ok');
    } catch {
      setCopyState('failed');
    }
  }

  function reportThis() {
    if (!a || !result) return;
    try {
      sessionStorage.setItem(PREFILL_KEY, JSON.stringify(prefillFromAnalysis(result.text, a, result.kind)));
    } catch {
      /* no storage: the report form opens empty */
    }
    navigate('/report');
  }

  return (
    <section aria-labelledby="check-title">
      <h1 id="check-title">{t('check.title')}</h1>
      <p class="lead">{t('app.tagline')}</p>
      <form onSubmit={submit} class="check-form">
        <label for="check-input" class="field-label">
          {t('check.label')}
        </label>
        <textarea
          id="check-input"
          name="text"
          rows={6}
          value={input}
          placeholder={t('check.placeholder')}
          aria-describedby="check-hint check-kind"
          onInput={(e) => setInput(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          }}
        />
        <p id="check-hint" class="hint">
          {t('check.hint')}
        </p>
        <details class="more">
          <summary>{t('check.more')}</summary>
          <label for="check-sender" class="field-label">
            {t('check.sender')}
          </label>
          <input
            id="check-sender"
            type="text"
            inputMode="tel"
            maxLength={64}
            autoComplete="off"
            value={sender}
            aria-describedby="check-sender-hint"
            onInput={(e) => setSender(e.currentTarget.value)}
          />
          <p id="check-sender-hint" class="hint">
            {t('check.senderHint')}
          </p>
        </details>
        <div class="row">
          <button type="submit" class="btn btn-primary" disabled={busy} data-testid="check-submit">
            {busy ? t('check.checking') : t('check.submit')}
          </button>
          {input && (
            <button
              type="button"
              class="btn"
              onClick={() => {
                setInput('');
                setResult(null);
                setError(null);
              }}
            >
              {t('check.clear')}
            </button>
          )}
          <span id="check-kind" class="chip" data-testid="input-kind" data-kind={kind} aria-live="polite">
            {kind !== 'empty' && t('check.detected', { kind: t(`kind.${kind}`) })}
          </span>
        </div>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      {a && result && (
        <div class="result" data-testid="result">
          <VerdictBanner analysis={a} bannerRef={bannerRef} />
          {a.truncated && <p class="hint">{t('check.truncated')}</p>}
          {typeof (a as ConversationAnalysis).riskTurn === 'number' && (
            <p class="hint" data-testid="risk-turn">
              {t('check.riskTurn', { n: ((a as ConversationAnalysis).riskTurn ?? 0) + 1 })}
            </p>
          )}

          <div class="actions">
            <button type="button" class="btn btn-primary" onClick={reportThis} data-testid="report-this">
              {t('check.report')}
            </button>
            <button type="button" class="btn" onClick={() => void copyWarning()} data-testid="copy-warning">
              {t('check.copyWarning')}
            </button>
            <button type="button" class="btn btn-quiet" onClick={() => setShowFeedback((s) => !s)} aria-expanded={showFeedback} data-testid="wrong">
              {t('check.wrong')}
            </button>
          </div>
          {copyState === 'ok' && <p class="ok" role="status">{t('check.copied')}</p>}
          {copyState === 'failed' && (
            <div role="status">
              <p class="hint">{t('check.copyFailed')}</p>
              <textarea class="copy-box" readOnly rows={5} aria-label={t('check.copyWarning')} value={warningText(a)} />
            </div>
          )}
          {showFeedback && (
            <FeedbackForm
              target="analysis"
              verdict={a.verdict}
              subject={result.text}
              onDone={() => undefined}
              onCancel={() => setShowFeedback(false)}
            />
          )}

          {contacts.length > 0 && (
            <section class="card" aria-labelledby="official-title" data-testid="official">
              <h2 id="official-title">{t('check.official')}</h2>
              <ul class="plain">
                {contacts.map((c) => (
                  <li key={c.id}>
                    {c.phones.length > 0 && (
                      <p class="official-line">
                        {t(c.kind === 'government' || c.kind === 'court' ? 'check.officialLineGov' : 'check.officialLine', {
                          name: l(c.name),
                          phones: c.phones.map((p) => p.display).join(' / '),
                        })}
                      </p>
                    )}
                    {c.app && <p>{t('check.officialApp', { app: l(c.app) })}</p>}
                    {c.neverDoes.map((n, i) => (
                      <p key={i} class="muted">
                        {t('check.neverDoes', { name: l(c.name), text: l(n) })}
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          )}

          {a.advice.length > 0 && (
            <section class="card" aria-labelledby="advice-title">
              <h2 id="advice-title">{t('check.advice')}</h2>
              <ul class="advice" data-testid="advice">
                {a.advice.map((x, i) => (
                  <li key={i}>{l(x)}</li>
                ))}
              </ul>
            </section>
          )}

          <section class="card" aria-labelledby="evidence-title">
            <h2 id="evidence-title">{t('check.evidence')}</h2>
            <HighlightedText text={result.text} signals={a.signals} />
            {a.signals.length > 0 && (
              <details class="reasons">
                <summary>{t('check.reasons')}</summary>
                <ul>
                  {a.signals.map((s, i) => (
                    <li key={i} class={s.weight < 0 ? 'benign' : undefined}>
                      {l(s.explanation)}
                      {s.weight < 0 && <span class="muted"> {t('check.benign')}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>

          {!result.lookup && result.identifiers.some((x) => x.directory || x.reputation.status !== 'unknown') && (
            <section class="card" aria-labelledby="ids-title" data-testid="identifiers">
              <h2 id="ids-title">{t('check.identifiers')}</h2>
              <ul class="plain">
                {result.identifiers.map((x, i) => (
                  <li key={i}>
                    <span class="mono">{x.value}</span> · <strong>{t(`lookup.status.${statusOf(x)}`)}</strong>
                    {x.reputation.reason && x.reputation.status !== 'unknown' && <span> · {l(x.reputation.reason)}</span>}
                    {x.directory && x.reputation.status === 'unknown' && <span> · {t('lookup.directoryHit', { name: l(x.directory.name) })}</span>}
                  </li>
                ))}
              </ul>
              <p class="unknown-not-safe">{t('lookup.unknownNotSafe')}</p>
            </section>
          )}

          {result.lookup && (
            <section class="card" aria-labelledby="lookup-title">
              <h2 id="lookup-title">{t('check.lookupTitle')}</h2>
              <LookupResult data={result.lookup} />
            </section>
          )}
        </div>
      )}
    </section>
  );
}
