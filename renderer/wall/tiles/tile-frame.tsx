import type { ReactNode } from 'react';
import { useT } from '../../shared/i18n';

/** Title bar and body of a data tile; `empty` stands in while data has not arrived or failed. */
export function TileFrame({
  title,
  children,
  empty,
  className,
}: {
  title: string;
  children?: ReactNode;
  empty?: boolean;
  className?: string;
}) {
  const t = useT();
  return (
    <section className={`tile ${className ?? ''}`} aria-label={title}>
      <h2 className="tile-title">{title}</h2>
      <div className="tile-body">{empty ? <p className="tile-empty">{t('common.noData')}</p> : children}</div>
    </section>
  );
}
