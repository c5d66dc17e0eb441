import { LANGS, setLang, useLang, useT, type Lang } from '../../shared/i18n';

const NAMES = { id: 'lang.idName', en: 'lang.enName' } as const;

export function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('header.language')}>
      {LANGS.map((l: Lang) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} title={t(NAMES[l])} onClick={() => setLang(l)}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}
