import type { Ref } from 'preact';
import { useI18n } from '../i18n/i18n.js';
import { categoryById } from '../lib/knowledge.js';
import type { Analysis } from '../lib/types.js';
import { Link } from '../router.js';

/** The answer in plain words and colour, with the category and its one-line description. */
export function VerdictBanner({ analysis, bannerRef }: { analysis: Analysis; bannerRef?: Ref<HTMLDivElement> }) {
  const { t, l } = useI18n();
  const v = analysis.verdict;
  const cat = categoryById(analysis.category);
  return (
    <div
      ref={bannerRef}
      class={`verdict verdict-${v}`}
      role="alert"
      data-testid="verdict"
      data-verdict={v}
      tabIndex={-1}
    >
      <p class="verdict-title">{t(`verdict.${v}`)}</p>
      <p class="verdict-sub">{t(`verdict.${v}.sub`)}</p>
      <p class="verdict-meta">
        <span>{t('check.score', { score: analysis.score })}</span>
        {cat && (
          <>
            {' · '}
            <span data-testid="category">{t('check.category', { name: l(cat.name) })}</span>
          </>
        )}
      </p>
      {cat && (
        <p class="verdict-desc">
          {/* The one-line description, unless the data repeats the name there. */}
          {l(cat.summary) !== l(cat.name) && <>{l(cat.summary)} </>}
          <Link href={`/learn/${cat.id}`} class="verdict-link">
            {t('check.learnMore')} →
          </Link>
        </p>
      )}
    </div>
  );
}
