/** The list of a form's errors at its top: announced, focused after a failed attempt, each linked to its field. */
import type { MouseEvent } from 'react';
import { useI18n } from '../../i18n.tsx';
import type { Submission } from './useSubmission.ts';

export function ErrorSummary({ submission }: { submission: Submission }) {
  const { t } = useI18n();
  const { errors, serverError, summaryRef } = submission;
  const goToField = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
    event.preventDefault();
    const field = document.getElementById(id);
    field?.focus();
    field?.scrollIntoView({ block: 'center' });
  };
  const hasErrors = errors.length > 0 || Boolean(serverError);
  return (
    <div ref={summaryRef} role="alert" tabIndex={-1} className={hasErrors ? 'error-summary' : 'error-summary is-empty'}>
      {errors.length > 0 ? (
        <>
          <p className="error-summary-title">
            {errors.length === 1 ? t('web.accounts.errors.one') : t('web.accounts.errors.many', { count: errors.length })}
          </p>
          <ul>
            {errors.map((error) => (
              <li key={error.id}>
                <a href={`#${error.id}`} onClick={(event) => goToField(event, error.id)}>{error.message}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {serverError ? (
        <>
          <p className="error-summary-title">{t('web.accounts.errors.server')}</p>
          <p>{serverError}</p>
        </>
      ) : null}
    </div>
  );
}
