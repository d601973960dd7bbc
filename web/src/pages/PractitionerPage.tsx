/** /praticien/:id: who the practitioner is, the booking calendar, then fees, sector and practical details. */
import { ApiError, getPractitioner, type Practitioner } from '../api.ts';
import { BookingPanel } from '../components/BookingPanel.tsx';
import { PractitionerDetails } from '../components/PractitionerDetails.tsx';
import { useSectorLabel } from '../components/sector.ts';
import { useLoad, usePageTitle } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { Link } from '../router.tsx';

interface PractitionerPageProps {
  id: string;
  query: URLSearchParams;
}

export function PractitionerPage({ id, query }: PractitionerPageProps) {
  const { t, lang } = useI18n();
  const loaded = useLoad(`${id}|${lang}`, (signal) => getPractitioner(id, lang, signal));
  const practitioner = loaded.state === 'done' ? loaded.data : loaded.state === 'loading' && loaded.previous?.id === id ? loaded.previous : null;
  const notFound = loaded.state === 'error' && loaded.error instanceof ApiError && loaded.error.status === 404;

  usePageTitle(
    practitioner
      ? t('web.practitioner.title', { name: practitioner.name, specialty: practitioner.specialty.label })
      : notFound ? t('web.practitioner.not_found') : t('web.practitioner.loading'),
  );

  if (loaded.state === 'loading' && !practitioner) {
    return (
      <div className="page-narrow">
        <h1 tabIndex={-1}>{t('web.practitioner.loading')}</h1>
      </div>
    );
  }
  if (!practitioner) {
    return (
      <div className="page-narrow">
        <h1 tabIndex={-1}>{notFound ? t('web.practitioner.not_found') : t('web.error.title')}</h1>
        <p role="alert">{notFound ? t('web.practitioner.not_found.text') : t('web.error.network')}</p>
        <p><Link to="/">{t('web.not_found.home')}</Link></p>
      </div>
    );
  }
  return (
    <div className="practitioner-page">
      <PractitionerHeader practitioner={practitioner} />
      <div className="practitioner-layout">
        <section className="booking detail-card" aria-labelledby="booking-title">
          <h2 id="booking-title">{t('web.booking.title')}</h2>
          <BookingPanel key={practitioner.id} practitioner={practitioner} query={query} />
        </section>
        <PractitionerDetails practitioner={practitioner} />
      </div>
    </div>
  );
}

function PractitionerHeader({ practitioner }: { practitioner: Practitioner }) {
  const { t } = useI18n();
  const sectorLabel = useSectorLabel();
  const mainPlace = practitioner.places[0];
  return (
    <div className="practitioner-header">
      <div className="avatar" aria-hidden="true">{initials(practitioner)}</div>
      <div>
        <h1 tabIndex={-1}>{practitioner.name}</h1>
        <p className="practitioner-specialty">{practitioner.specialty.label}</p>
        <ul className="result-tags" aria-label={t('web.result.details')}>
          {mainPlace ? <li>{mainPlace.city}</li> : null}
          <li>{sectorLabel(practitioner.sector)}</li>
          {practitioner.reasons.some((r) => r.video) ? <li>{t('web.result.video')}</li> : null}
        </ul>
      </div>
    </div>
  );
}

function initials(practitioner: Practitioner): string {
  return `${practitioner.firstName.charAt(0)}${practitioner.lastName.charAt(0)}`.toUpperCase();
}
