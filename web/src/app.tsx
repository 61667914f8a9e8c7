import { I18nProvider, useI18n } from './i18n/i18n.js';
import { lazyPage } from './lazy.js';
import { CheckPage } from './pages/check.js';
import { Link, useLocation } from './router.js';

const ReportPage = lazyPage(() => import('./pages/report.js').then((m) => m.ReportPage));
const LearnPage = lazyPage<{ id?: string }>(() => import('./pages/learn.js').then((m) => m.LearnPage));
const LookupPage = lazyPage<{ initial?: string }>(() => import('./pages/lookup.js').then((m) => m.LookupPage));
const AnalystPage = lazyPage(() => import('./pages/analyst.js').then((m) => m.AnalystPage));

const NAV = [
  { href: '/', key: 'nav.check' },
  { href: '/report', key: 'nav.report' },
  { href: '/learn', key: 'nav.learn' },
  { href: '/lookup', key: 'nav.lookup' },
  { href: '/analyst', key: 'nav.analyst' },
] as const;

function Shell() {
  const { t, lang, setLang } = useI18n();
  const { path, query } = useLocation();
  const section = '/' + (path.split('/')[1] ?? '');

  let page;
  if (path === '/') page = <CheckPage />;
  else if (path === '/report') page = <ReportPage />;
  else if (path === '/learn') page = <LearnPage />;
  else if (path.startsWith('/learn/')) page = <LearnPage id={decodeURIComponent(path.slice('/learn/'.length))} />;
  else if (path === '/lookup') page = <LookupPage initial={query.get('q') ?? undefined} />;
  else if (path === '/analyst') page = <AnalystPage />;
  else page = <CheckPage />;

  return (
    <>
      <a href="#main" class="skip">
        {t('skip')}
      </a>
      <header class="top">
        <div class="top-inner">
          <Link href="/" class="brand" aria-label="fanzha">
            <span class="brand-mark" aria-hidden="true">
              反诈
            </span>
            <span class="brand-name">fanzha</span>
          </Link>
          <button
            type="button"
            class="lang"
            data-testid="lang-switch"
            aria-label={t('lang.switchLabel')}
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('lang.switch')}
          </button>
        </div>
        <nav aria-label={t('nav.main')} class="nav">
          {NAV.map((n) => (
            <Link key={n.href} href={n.href} aria-current={section === n.href ? 'page' : undefined}>
              {t(n.key)}
            </Link>
          ))}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <footer class="foot">
        <p>{t('footer')}</p>
      </footer>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}
