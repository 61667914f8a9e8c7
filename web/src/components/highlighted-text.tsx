/**
 * The original text with every evidence span marked. Marks are focusable: hover, tap or Tab onto one
 * and the reasons for it appear in the panel below (announced to screen readers).
 */
import { useMemo, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.js';
import { segmentText } from '../lib/highlight.js';
import type { Signal } from '../lib/types.js';

export function HighlightedText({ text, signals }: { text: string; signals: readonly Signal[] }) {
  const { t, l } = useI18n();
  const segments = useMemo(() => segmentText(text, signals), [text, signals]);
  const [active, setActive] = useState<number | null>(null);
  const activeRefs = active === null ? [] : (segments[active]?.refs ?? []);
  const marked = segments.some((s) => s.tone !== null);

  return (
    <div class="evidence">
      <p class="evidence-hint">{marked ? t('check.evidenceHint') : t('check.noEvidence')}</p>
      <div class="evidence-text" data-testid="evidence-text">
        {segments.map((s, i) => {
          if (!s.tone) return <span key={i}>{s.text}</span>;
          const why = s.refs.map((r) => l(signals[r]?.explanation)).join('；');
          return (
            <mark
              key={i}
              class={`hl hl-${s.tone}${active === i ? ' hl-active' : ''}`}
              tabIndex={0}
              role="button"
              title={why}
              aria-label={`${s.text}: ${why}`}
              aria-expanded={active === i}
              aria-controls="why-panel"
              data-refs={s.refs.join(',')}
              onMouseEnter={() => setActive(i)}
              onFocus={() => setActive(i)}
              onClick={() => setActive(i)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  setActive(i);
                }
                if (e.key === 'Escape') setActive(null);
              }}
            >
              {s.text}
            </mark>
          );
        })}
      </div>
      <div id="why-panel" class="why-panel" role="status" aria-live="polite">
        {activeRefs.length > 0 && (
          <>
            <strong>{t('check.why')}：</strong>
            <ul>
              {activeRefs.map((r) => (
                <li key={r}>
                  {l(signals[r]?.explanation)}
                  {(signals[r]?.weight ?? 0) < 0 && <span class="muted"> {t('check.benign')}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
