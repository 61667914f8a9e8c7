/** Loads a page's code on first visit, so the Check page (the home page) stays small. */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from './i18n/i18n.js';

export function lazyPage<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let cached: FunctionComponent<P> | null = null;
  return function LazyPage(props: P) {
    const { t } = useI18n();
    const [Comp, setComp] = useState<FunctionComponent<P> | null>(() => cached);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (cached) return;
      load()
        .then((c) => {
          cached = c;
          setComp(() => c);
        })
        .catch(() => setFailed(true));
    }, []);
    if (failed) return <p class="error">{t('err.network')}</p>;
    return Comp ? <Comp {...props} /> : <p aria-busy="true">{t('common.loading')}</p>;
  };
}
