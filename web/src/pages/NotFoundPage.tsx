/** Any path the app does not know. */
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('web.not_found.title'));
  return (
    <div className="page-narrow">
      <h1 tabIndex={-1}>{t('web.not_found.title')}</h1>
      <p>{t('web.not_found.text')}</p>
      <p><Link to="/">{t('web.not_found.home')}</Link></p>
    </div>
  );
}
