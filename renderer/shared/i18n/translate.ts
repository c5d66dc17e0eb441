// Pure half of i18n: dictionaries, language choice, placeholders. No DOM, so it is tested in Node.
import { en } from './en';
import { id, type MessageKey } from './id';

export type { MessageKey } from './id';
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { id, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** `?lang=` wins, then the saved choice, then Bahasa Indonesia. */
export function resolveLang(fromUrl: string | null, fromStorage: string | null): Lang {
  if (isLang(fromUrl)) return fromUrl;
  if (isLang(fromStorage)) return fromStorage;
  return 'id';
}

/** Replaces `{name}` with vars.name; an unknown placeholder stays visible rather than vanishing. */
export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, vars) => interpolate(dict[key], vars);
}

/** BCP 47 tag for Intl formatting. */
export function locale(lang: Lang): string {
  return lang === 'id' ? 'id-ID' : 'en-GB';
}
