/** Report: the kinds the API takes, validated, with a preview of what will be masked and a receipt. */
import { useMemo, useState } from 'preact/hooks';
import { CategoryOptions } from '../components/category-options.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/messages.js';
import { api, ApiError } from '../lib/api.js';
import { maskPreview } from '../lib/mask.js';
import { LIMITS, validateReport, type ReportErrors, type ReportForm } from '../lib/report-validate.js';
import type { Localized } from '../lib/types.js';
import type { ReportKind, ReportPrefill } from '../lib/warning.js';
import { PREFILL_KEY } from '../lib/warning.js';

const KINDS: ReportKind[] = ['phone', 'sms', 'url', 'app', 'payment_account', 'im_handle'];
const KIND_LABEL: Record<ReportKind, MessageKey> = {
  phone: 'report.kind.phone',
  sms: 'report.kind.sms',
  url: 'report.kind.url',
  app: 'report.kind.app',
  payment_account: 'report.kind.account',
  im_handle: 'report.kind.im',
};
const VALUE_LABEL: Record<ReportKind, MessageKey> = {
  phone: 'report.value.phone',
  sms: 'report.value.sms',
  url: 'report.value.url',
  app: 'report.value.app',
  payment_account: 'report.value.account',
  im_handle: 'report.value.im',
};

function emptyForm(): ReportForm {
  return { kind: 'phone', value: '', platform: 'wechat', category: '', description: '', evidence: '', occurredAt: '', amount: '', contact: '', consent: false };
}

/** Reads (once) the prefill the Check page left for "report this". */
function takePrefill(): { form: ReportForm; prefilled: boolean } {
  try {
    const raw = sessionStorage.getItem(PREFILL_KEY);
    if (!raw) return { form: emptyForm(), prefilled: false };
    sessionStorage.removeItem(PREFILL_KEY);
    const p = JSON.parse(raw) as ReportPrefill;
    const f = emptyForm();
    if (KINDS.includes(p.kind)) f.kind = p.kind;
    f.value = String(p.value ?? '');
    f.platform = p.platform ?? 'wechat';
    f.category = String(p.category ?? '');
    f.evidence = String(p.evidence ?? '');
    return { form: f, prefilled: true };
  } catch {
    return { form: emptyForm(), prefilled: false };
  }
}

interface ReportReceipt {
  id: string;
  status?: string;
  directoryMatch?: boolean;
  message?: Localized;
  analysis?: { summary?: Localized } | null;
}

export function ReportPage() {
  const { t, l } = useI18n();
  const [init] = useState(takePrefill);
  const [form, setForm] = useState<ReportForm>(init.form);
  const [errors, setErrors] = useState<ReportErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<ReportReceipt | null>(null);

  const set = <K extends keyof ReportForm>(k: K, v: ReportForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: undefined }));
  };

  const preview = useMemo(() => {
    const parts = [form.description, form.evidence, form.consent ? '' : form.contact].filter((x) => x.trim());
    return maskPreview(parts.join('\n\n'));
  }, [form.description, form.evidence, form.contact, form.consent]);

  async function submit(e: Event) {
    e.preventDefault();
    const errs = validateReport(form);
    setErrors(errs);
    setServerError(null);
    const firstBad = (Object.keys(errs) as (keyof ReportForm)[]).find((k) => errs[k]);
    if (firstBad) {
      document.getElementById(`r-${firstBad}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const body = {
        kind: form.kind,
        value: form.value.trim(),
        platform: form.kind === 'im_handle' ? form.platform : undefined,
        category: form.category || 'other_scam',
        description: form.description.trim() || undefined,
        evidence: form.evidence.trim() || undefined,
        time: form.occurredAt && !Number.isNaN(Date.parse(form.occurredAt)) ? new Date(form.occurredAt).toISOString() : undefined,
        amount: form.amount.trim() ? Number(form.amount) : undefined,
        contact: form.contact.trim() || undefined,
        consent: form.consent,
      };
      setReceipt(await api<ReportReceipt>('/v1/reports', { body }));
    } catch (err) {
      if (err instanceof ApiError && err.field) {
        const raw = err.field.replace(/^\/?(body[./])?/, '');
        const field = (raw === 'time' ? 'occurredAt' : raw) as keyof ReportForm;
        setErrors((x) => ({ ...x, [field]: { key: 'err.generic', vars: undefined } }));
      }
      setServerError(t('err.generic', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  const errText = (k: keyof ReportForm) => {
    const e = errors[k];
    if (!e) return null;
    const msg = e.key === 'err.generic' ? (serverError ?? '') : t(e.key as MessageKey, e.vars);
    return (
      <p id={`r-${k}-err`} class="field-error">
        {msg}
      </p>
    );
  };
  const describedBy = (k: keyof ReportForm, hint?: string) => [errors[k] ? `r-${k}-err` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;

  if (receipt) {
    return (
      <section aria-labelledby="report-title">
        <h1 id="report-title">{t('report.title')}</h1>
        <div class="card ok-card" role="status" data-testid="report-done">
          <p class="big">{t('report.done', { id: receipt.id })}</p>
          {receipt.message && <p>{l(receipt.message)}</p>}
          {receipt.analysis?.summary && <p>{t('report.doneEngine', { summary: l(receipt.analysis.summary) })}</p>}
        </div>
        <button
          type="button"
          class="btn"
          onClick={() => {
            setReceipt(null);
            setForm(emptyForm());
          }}
        >
          {t('report.another')}
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby="report-title">
      <h1 id="report-title">{t('report.title')}</h1>
      <p class="lead">{t('report.intro')}</p>
      {init.prefilled && <p class="hint">{t('report.prefilled')}</p>}
      <form onSubmit={submit} noValidate class="report-form" data-testid="report-form">
        <fieldset>
          <legend>{t('report.kind')}</legend>
          <div class="kind-grid">
            {KINDS.map((k) => (
              <label key={k} class={`kind-option${form.kind === k ? ' selected' : ''}`}>
                <input type="radio" name="kind" value={k} checked={form.kind === k} onChange={() => set('kind', k)} />
                {t(KIND_LABEL[k])}
              </label>
            ))}
          </div>
        </fieldset>

        <label for="r-value" class="field-label">
          {t(VALUE_LABEL[form.kind])}
        </label>
        <input
          id="r-value"
          name="value"
          type="text"
          inputMode={form.kind === 'phone' || form.kind === 'sms' ? 'tel' : form.kind === 'url' ? 'url' : 'text'}
          autoComplete="off"
          value={form.value}
          aria-invalid={errors.value ? 'true' : undefined}
          aria-describedby={describedBy('value')}
          onInput={(e) => set('value', e.currentTarget.value)}
        />
        {errText('value')}

        {form.kind === 'im_handle' && (
          <>
            <label for="r-platform" class="field-label">
              {t('report.platform')}
            </label>
            <select id="r-platform" value={form.platform} onChange={(e) => set('platform', e.currentTarget.value as ReportForm['platform'])}>
              <option value="wechat">{t('report.platform.wechat')}</option>
              <option value="qq">{t('report.platform.qq')}</option>
              <option value="other">{t('report.platform.other')}</option>
            </select>
          </>
        )}

        <label for="r-category" class="field-label">
          {t('report.category')}
        </label>
        <select id="r-category" aria-describedby="r-category-hint" value={form.category} onChange={(e) => set('category', e.currentTarget.value)}>
          <CategoryOptions first={t('report.category.unknown')} />
        </select>

        <p id="r-category-hint" class="hint">
          {t('report.category.hint')}
        </p>

        <label for="r-description" class="field-label">
          {t('report.description')}
        </label>
        <textarea
          id="r-description"
          rows={3}
          maxLength={LIMITS.description + 1}
          value={form.description}
          aria-invalid={errors.description ? 'true' : undefined}
          aria-describedby={describedBy('description', 'r-description-hint')}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
        <p id="r-description-hint" class="hint">
          {t('report.descriptionHint')}
        </p>
        {errText('description')}

        <label for="r-evidence" class="field-label">
          {t('report.evidence')}
        </label>
        <textarea
          id="r-evidence"
          rows={4}
          value={form.evidence}
          aria-invalid={errors.evidence ? 'true' : undefined}
          aria-describedby={describedBy('evidence')}
          onInput={(e) => set('evidence', e.currentTarget.value)}
        />
        {errText('evidence')}

        <label for="r-occurredAt" class="field-label">
          {t('report.time')}
        </label>
        <input id="r-occurredAt" type="datetime-local" value={form.occurredAt} onInput={(e) => set('occurredAt', e.currentTarget.value)} />

        <label for="r-amount" class="field-label">
          {t('report.amount')}
        </label>
        <input
          id="r-amount"
          type="text"
          inputMode="decimal"
          value={form.amount}
          aria-invalid={errors.amount ? 'true' : undefined}
          aria-describedby={describedBy('amount')}
          onInput={(e) => set('amount', e.currentTarget.value)}
        />
        {errText('amount')}

        <label for="r-contact" class="field-label">
          {t('report.contact')}
        </label>
        <input
          id="r-contact"
          type="text"
          autoComplete="tel"
          value={form.contact}
          aria-invalid={errors.contact ? 'true' : undefined}
          aria-describedby={describedBy('contact')}
          onInput={(e) => set('contact', e.currentTarget.value)}
        />
        {errText('contact')}
        <label class="checkbox">
          <input type="checkbox" id="r-consent" checked={form.consent} onChange={(e) => set('consent', e.currentTarget.checked)} />
          {t('report.consent')}
        </label>

        <div class="card preview" aria-live="polite" data-testid="mask-preview">
          <p class="field-label">{t('report.preview')}</p>
          {preview.text ? <pre class="raw">{form.consent ? [form.description, form.evidence, form.contact].filter((x) => x.trim()).join('\n\n') : preview.text}</pre> : null}
          <p class="hint">{form.consent || preview.count === 0 ? t('report.previewNone') : t('report.previewCount', { count: preview.count })}</p>
        </div>

        {serverError && (
          <p class="error" role="alert">
            {serverError}
          </p>
        )}
        {Object.values(errors).some(Boolean) && !serverError && (
          <p class="error" role="alert">
            {t('report.err.form')}
          </p>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy} data-testid="report-submit">
          {busy ? t('report.sending') : t('report.submit')}
        </button>
      </form>
    </section>
  );
}
