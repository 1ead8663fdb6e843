import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { labelOf, type Language } from '@referral/labels';

export type { Language };
/** A view's own messages: the same keys in both languages. */
export type Messages<K extends string> = { sv: Record<K, string>; en: Record<K, string> };

const STORAGE_KEY = 'referral.language';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
}

const I18nContext = createContext<I18n>({ language: 'sv', setLanguage: () => undefined });

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'sv';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLanguage(): I18n {
  return useContext(I18nContext);
}

/** `{name}` in a message is replaced by `vars.name`. */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `t(key, vars)` over a view's messages in the chosen language. */
export function useT<K extends string>(messages: Messages<K>): (key: K, vars?: Record<string, string | number>) => string {
  const { language } = useLanguage();
  return useCallback((key: K, vars?: Record<string, string | number>) => interpolate(messages[language][key], vars), [messages, language]);
}

/** `label(CRIME_CATEGORIES, 'ran')` → "Rån" in the chosen language. */
export function useLabel(): (labels: Parameters<typeof labelOf>[0], code: string) => string {
  const { language } = useLanguage();
  return useCallback((labels, code) => labelOf(labels, code, language), [language]);
}
