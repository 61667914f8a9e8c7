import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { pickLang, translate, type Lang, type MessageKey } from './messages.js';

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Picks the right half of a {zh, en} text from the API or the knowledge. */
  l: (text: { zh: string; en: string } | null | undefined) => string;
}

const STORE_KEY = 'fanzha.lang';
const Ctx = createContext<I18n | null>(null);

function storedLang(): string | null {
  try {
    return localStorage.getItem(STORE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(() => pickLang(navigator.languages ?? [navigator.language], storedLang()));
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '反诈 fanzha' : 'fanzha: is it a scam?';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (l) => {
        setLangState(l);
        try {
          localStorage.setItem(STORE_KEY, l);
        } catch {
          /* private mode: the choice lasts for this page only */
        }
      },
      t: (key, vars) => translate(lang, key, vars),
      l: (text) => (text ? text[lang] || text.zh || text.en : ''),
    }),
    [lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
