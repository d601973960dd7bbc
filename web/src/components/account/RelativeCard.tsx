/** One relative in « Mes proches »: name, birth date, minor/adult, own contacts (or who gets the messages). */
import { useEffect, useRef } from 'react';
import type { Relative } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { formatBirthDate } from './dates.ts';

interface RelativeCardProps {
  relative: Relative;
  onEdit: () => void;
  onRemove: () => void;
  /** Give the focus to « Modifier » (back from a cancelled edit). */
  focusEdit?: boolean;
}

export function RelativeCard({ relative, onEdit, onRemove, focusEdit }: RelativeCardProps) {
  const { t, locale } = useI18n();
  const editRef = useRef<HTMLButtonElement>(null);
  const name = `${relative.firstName} ${relative.lastName}`;
  const headingId = `relative-${relative.id}-name`;

  useEffect(() => {
    if (focusEdit) editRef.current?.focus();
  }, [focusEdit]);

  const civility = relative.civility ? `${t(`web.accounts.identity.civility.${relative.civility}`)} ` : '';
  return (
    <article className="relative-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{civility}{name}</h3>
      <p>
        {t('web.accounts.relatives.born', { date: formatBirthDate(relative.birthDate, locale) })}
        {' · '}
        {relative.minor ? t('web.accounts.relatives.minor') : t('web.accounts.relatives.adult')}
      </p>
      {relative.email || relative.phone ? (
        <dl className="contact-list relative-contacts">
          {relative.email ? <div><dt>{t('web.accounts.relatives.email')}</dt><dd>{relative.email}</dd></div> : null}
          {relative.phone ? <div><dt>{t('web.accounts.relatives.phone')}</dt><dd>{relative.phoneDisplay ?? relative.phone}</dd></div> : null}
        </dl>
      ) : (
        <p className="muted">{t('web.accounts.relatives.contact.none')}</p>
      )}
      <div className="button-row">
        <button ref={editRef} type="button" className="button button-secondary" onClick={onEdit}>
          {t('web.accounts.relatives.edit')}<span className="sr-only"> {name}</span>
        </button>
        <button type="button" className="button button-danger-outline" onClick={onRemove}>
          {t('web.accounts.relatives.delete')}<span className="sr-only"> ({name})</span>
        </button>
      </div>
    </article>
  );
}
