/** Learn: every taxonomy category, linkable as /learn/<id>, from the knowledge data. */
import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.js';
import { categoryById, knowledge } from '../lib/knowledge.js';
import { Link } from '../router.js';

export function LearnPage({ id }: { id?: string }) {
  const { t, l } = useI18n();
  const cat = id ? categoryById(id) : undefined;
  useEffect(() => {
    if (cat) document.getElementById('learn-title')?.focus();
  }, [cat]);

  if (id && !cat) {
    return (
      <section>
        <h1>{t('learn.notFound')}</h1>
        <Link href="/learn">← {t('learn.back')}</Link>
      </section>
    );
  }
  if (cat) {
    return (
      <article aria-labelledby="learn-title" data-testid="learn-detail" data-category={cat.id}>
        <p>
          <Link href="/learn">← {t('learn.back')}</Link>
        </p>
        <h1 id="learn-title" tabIndex={-1}>
          {l(cat.name)}
        </h1>
        <p class="lead">{l(cat.summary)}</p>
        <section class="card">
          <h2>{t('learn.scripts')}</h2>
          <ul>
            {cat.scripts.map((s, i) => (
              <li key={i}>{l(s)}</li>
            ))}
          </ul>
        </section>
        <section class="card">
          <h2>{t('learn.redFlags')}</h2>
          <ul class="flags">
            {cat.redFlags.map((s, i) => (
              <li key={i}>{l(s)}</li>
            ))}
          </ul>
        </section>
        <section class="card">
          <h2>{t('learn.whatToDo')}</h2>
          <ul class="advice">
            {cat.advice.map((s, i) => (
              <li key={i}>{l(s)}</li>
            ))}
          </ul>
        </section>
        <p>
          <Link href="/" class="btn btn-primary">
            {t('learn.check')}
          </Link>
        </p>
      </article>
    );
  }
  return (
    <section aria-labelledby="learn-list-title">
      <h1 id="learn-list-title">{t('learn.title')}</h1>
      <p class="lead">{t('learn.intro')}</p>
      <ul class="cat-list" data-testid="learn-list">
        {knowledge.categories.map((c) => (
          <li key={c.id}>
            <Link href={`/learn/${c.id}`} class="cat-card">
              <strong>{l(c.name)}</strong>
              <span class="muted">{l(c.summary)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
