/**
 * The practitioner space (`/pro/…`, docs/api-practice.md): its own session, kept while moving between its pages,
 * and its routes. Mounted by App for every path under /pro.
 */
import { extendCatalogue } from '../../../../src/platform/i18n/web-catalogue.ts';
import { webPractice } from '../../../../src/platform/i18n/messages/web-practice.ts';
import { PracticeSessionProvider } from '../../components/practice/PracticeSession.tsx';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { AbsencesPage } from './AbsencesPage.tsx';
import { AgendaPage } from './AgendaPage.tsx';
import { InvitationPage } from './InvitationPage.tsx';
import { NewAppointmentPage } from './NewAppointmentPage.tsx';
import { OpeningHoursPage } from './OpeningHoursPage.tsx';
import { PlacesPage } from './PlacesPage.tsx';
import { PracticeAccountPage } from './PracticeAccountPage.tsx';
import { PracticeAppointmentPage } from './PracticeAppointmentPage.tsx';
import { PracticeLoginPage } from './PracticeLoginPage.tsx';
import { ReasonsPage } from './ReasonsPage.tsx';
import { ReplacementsPage } from './ReplacementsPage.tsx';
import { SecretariesPage } from './SecretariesPage.tsx';

// The space's texts travel with its chunk: added to the catalogue when the chunk loads, before anything renders.
extendCatalogue(webPractice);

const appointmentPath = /^\/pro\/rendez-vous\/([^/]+)\/?$/;

function PracticeRoute({ path, query }: { path: string; query: URLSearchParams }) {
  const clean = path.length > 4 && path.endsWith('/') ? path.slice(0, -1) : path;
  switch (clean) {
    case '/pro':
      return <AgendaPage query={query} />;
    case '/pro/connexion':
      return <PracticeLoginPage query={query} />;
    case '/pro/invitation':
      return <InvitationPage />;
    case '/pro/nouveau-rendez-vous':
      return <NewAppointmentPage query={query} />;
    case '/pro/parametres':
    case '/pro/parametres/motifs':
      return <ReasonsPage />;
    case '/pro/parametres/horaires':
      return <OpeningHoursPage />;
    case '/pro/parametres/lieux':
      return <PlacesPage />;
    case '/pro/parametres/absences':
      return <AbsencesPage />;
    case '/pro/parametres/remplacants':
      return <ReplacementsPage />;
    case '/pro/secretariat':
      return <SecretariesPage />;
    case '/pro/compte':
      return <PracticeAccountPage />;
    default: {
      const appointment = appointmentPath.exec(clean)?.[1];
      if (appointment) return <PracticeAppointmentPage key={appointment} id={decodeURIComponent(appointment)} />;
      return <NotFoundPage />;
    }
  }
}

export function PracticeSpace({ path, query }: { path: string; query: URLSearchParams }) {
  return (
    <PracticeSessionProvider>
      <PracticeRoute path={path} query={query} />
    </PracticeSessionProvider>
  );
}
