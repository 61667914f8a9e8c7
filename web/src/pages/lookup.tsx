/** Lookup: one identifier → what fanzha knows, with "unknown is not safe" said plainly. */
import { useState } from 'preact/hooks';
import { FeedbackForm } from '../components/feedback-form.js';
import { LookupResult, type LookupData } from '../components/lookup-result.js';
import { useI18n } from '../i18n/i18n.js';
import { api } from '../lib/api.js';
import { detectInput } from '../lib/detect.js';

type LookupKind = 'phone' | 'url' | 'account' | 'handle';

export function LookupPage({ initial }: { initial?: string }) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial ?? '');
  const [kind, setKind] = useState<LookupKind>(() => (initial && detectInput(initial) === 'url' ? 'url' : 'phone'));
  const [busy, setBusy] = useState(false);
  const [data, setData] = useState<LookupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState<{ kind: LookupKind; value: string } | null>(null);
  const [showFeedback, setShowFeedback] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const v = value.trim();
    if (!v) {
      setError(t('report.err.required'));
      return;
    }
    setBusy(true);
    setError(null);
    setShowFeedback(false);
    try {
      setData(await api<LookupData>(`/v1/lookup?${kind}=${encodeURIComponent(v)}`));
      setAsked({ kind, value: v });
    } catch (err) {
      setData(null);
      setError(t('err.generic', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="lookup-page-title">
      <h1 id="lookup-page-title">{t('lookup.title')}</h1>
      {!data && <p class="notice">{t('lookup.unknownNotSafe')}</p>}
      <form onSubmit={submit} class="lookup-form">
        <label for="lk-kind" class="field-label">
          {t('lookup.kind')}
        </label>
        <select
          id="lk-kind"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as LookupKind)}
        >
          <option value="phone">{t('lookup.kind.phone')}</option>
          <option value="url">{t('lookup.kind.url')}</option>
          <option value="account">{t('lookup.kind.account')}</option>
          <option value="handle">{t('lookup.kind.handle')}</option>
        </select>
        <label for="lk-value" class="field-label">
          {t('lookup.value')}
        </label>
        <input
          id="lk-value"
          type="text"
          value={value}
          autoComplete="off"
          onInput={(e) => {
            const v = e.currentTarget.value;
            setValue(v);
            const d = detectInput(v);
            if (d === 'url') setKind('url');
            else if (d === 'phone' && kind === 'url') setKind('phone');
          }}
        />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.loading') : t('lookup.submit')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <section class="card" aria-live="polite">
          <LookupResult data={data} />
          <button type="button" class="btn btn-quiet" aria-expanded={showFeedback} onClick={() => setShowFeedback((x) => !x)}>
            {t('check.wrong')}
          </button>
          {showFeedback && asked && (
            <FeedbackForm
              target="lookup"
              verdict={data.status}
              subject={asked.value}
              identifier={{ param: asked.kind, value: asked.value }}
              onDone={() => undefined}
              onCancel={() => setShowFeedback(false)}
            />
          )}
        </section>
      )}
    </section>
  );
}
