/** Home: the search boxes. */
import { SearchForm } from '../components/SearchForm.tsx';
import { usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';

export function HomePage() {
  const { t } = useI18n();
  usePageTitle(t('web.home.title'));
  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" tabIndex={-1}>{t('web.home.heading')}</h1>
        <p className="hero-lead">{t('web.home.lead')}</p>
        <SearchForm initial={{ what: '', whereText: '' }} />
      </section>
      <section className="home-points" aria-label={t('web.home.points.label')}>
        <ul>
          <li>{t('web.home.point.search')}</li>
          <li>{t('web.home.point.availability')}</li>
          <li>{t('web.home.point.fees')}</li>
        </ul>
      </section>
    </div>
  );
}
