// The UI language as a tiny store: read once from `?lang=` or the saved setting, changed by the switch.
import { useMemo, useSyncExternalStore } from 'react';
import { resolveLang, translator, type Lang, type Translate } from './i18n/translate';

export { type Lang, type MessageKey, type Translate, LANGS, locale } from './i18n/translate';

const STORAGE_KEY = 'nawa.lang';
let current: Lang | null = null;
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function getLang(): Lang {
  if (current === null) {
    current = resolveLang(new URLSearchParams(location.search).get('lang'), readStored());
    document.documentElement.lang = current;
  }
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === getLang()) return;
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not saved; the choice still holds for this page.
  }
  for (const l of [...listeners]) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang);
}

export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => translator(lang), [lang]);
}
