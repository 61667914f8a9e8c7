/** "This is wrong": a false alarm or a missed scam, sent to POST /v1/feedback for analysts. */
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.js';
import { api } from '../lib/api.js';

export function FeedbackForm(props: {
  target: 'analysis' | 'lookup';
  verdict: string;
  subject: string;
  /** For a lookup: which identifier the feedback is about (sent as ?phone= / url / account / handle). */
  identifier?: { param: 'phone' | 'url' | 'account' | 'handle'; value: string };
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const flagged = ['scam', 'suspicious', 'confirmed_scam', 'reported'].includes(props.verdict);
  const [kind, setKind] = useState<'false_alarm' | 'missed_scam'>(flagged ? 'false_alarm' : 'missed_scam');
  const [note, setNote] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'done'>('idle');
  const [error, setError] = useState<string | null>(null);

  async function send(e: Event) {
    e.preventDefault();
    setState('sending');
    setError(null);
    try {
      await api('/v1/feedback', {
        body: {
          target: props.target,
          kind,
          verdict: props.verdict,
          ...(props.identifier ? { [props.identifier.param]: props.identifier.value } : { text: props.subject.slice(0, 5000) }),
          note: note.trim() || undefined,
        },
      });
      setState('done');
      props.onDone();
    } catch (err) {
      setError(t('err.generic', { message: (err as Error).message }));
      setState('idle');
    }
  }

  if (state === 'done') {
    return (
      <p class="ok" role="status" data-testid="feedback-thanks">
        {t('feedback.thanks')}
      </p>
    );
  }
  return (
    <form class="card feedback" onSubmit={send} data-testid="feedback-form">
      <fieldset>
        <legend>{t('feedback.title')}</legend>
        <label class="radio">
          <input type="radio" name="fb-kind" value="false_alarm" checked={kind === 'false_alarm'} onChange={() => setKind('false_alarm')} />
          {t('feedback.falseAlarm')}
        </label>
        <label class="radio">
          <input type="radio" name="fb-kind" value="missed_scam" checked={kind === 'missed_scam'} onChange={() => setKind('missed_scam')} />
          {t('feedback.missed')}
        </label>
        <label for="fb-note" class="field-label">
          {t('feedback.comment')}
        </label>
        <textarea id="fb-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={state === 'sending'}>
          {t('feedback.send')}
        </button>
        <button type="button" class="btn btn-quiet" onClick={props.onCancel}>
          {t('feedback.cancel')}
        </button>
      </div>
    </form>
  );
}
