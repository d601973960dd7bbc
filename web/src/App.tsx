/** The page frame (skip link, header with language switch, main, footer) and the routes of the app. */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useI18n } from './i18n.tsx';
import { Link, useLocation } from './router.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ResultsPage } from './pages/ResultsPage.tsx';
import { PractitionerPage } from './pages/PractitionerPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { SignupPage } from './pages/SignupPage.tsx';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage.tsx';
import { NewPasswordPage } from './pages/NewPasswordPage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { RelativesPage } from './pages/RelativesPage.tsx';
import { LegalPage } from './pages/LegalPage.tsx';
import { AccountNav } from './components/account/AccountNav.tsx';
import { MyAppointmentsLink } from './components/booking/BookingNav.tsx';
import { ConfirmBookingPage } from './pages/booking/ConfirmBookingPage.tsx';
import { BookingConfirmedPage } from './pages/booking/BookingConfirmedPage.tsx';
import { MyAppointmentsPage } from './pages/booking/MyAppointmentsPage.tsx';
import { AppointmentPage } from './pages/booking/AppointmentPage.tsx';
import { MoveAppointmentPage } from './pages/booking/MoveAppointmentPage.tsx';
import { CareTeamPage } from './pages/booking/CareTeamPage.tsx';
import { LinkMovePage } from './pages/booking/LinkMovePage.tsx';
import { LinkCancelPage } from './pages/booking/LinkCancelPage.tsx';
import { SessionNotice, SessionProvider } from './session.tsx';
import './styles/account.css';
import './styles/booking.css';
// Also styles the footer's « Espace praticien » link; the practitioner space's code stays in its own bundle.
import './styles/practice.css';

// The practitioner space is its own bundle: patients never download it.
const PracticeSpace = lazy(() => import('./pages/practice/PracticeSpace.tsx').then((module) => ({ default: module.PracticeSpace })));

const practitionerPath = /^\/praticien\/([^/]+)\/?$/;
const confirmedPath = /^\/rendez-vous\/([^/]+)\/confirme\/?$/;
const appointmentPath = /^\/mes-rendez-vous\/([^/]+)\/?$/;
const movePath = /^\/mes-rendez-vous\/([^/]+)\/deplacer\/?$/;

/** The booking pages (docs/api-booking.md « Web pages »), or null. */
function bookingPage(path: string, query: URLSearchParams) {
  if (path === '/rendez-vous/confirmer') return <ConfirmBookingPage query={query} />;
  if (path === '/mes-rendez-vous') return <MyAppointmentsPage />;
  if (path === '/mon-equipe-soignante') return <CareTeamPage />;
  if (path === '/rdv/deplacer') return <LinkMovePage />;
  if (path === '/rdv/annuler') return <LinkCancelPage />;
  const confirmed = confirmedPath.exec(path)?.[1];
  if (confirmed) return <BookingConfirmedPage key={confirmed} id={decodeURIComponent(confirmed)} />;
  const move = movePath.exec(path)?.[1];
  if (move) return <MoveAppointmentPage key={move} id={decodeURIComponent(move)} />;
  const appointment = appointmentPath.exec(path)?.[1];
  if (appointment) return <AppointmentPage key={appointment} id={decodeURIComponent(appointment)} />;
  return null;
}

function CurrentPage() {
  const { path, query } = useLocation();
  if (path === '/') return <HomePage />;
  if (path === '/recherche') return <ResultsPage query={query} />;
  if (path === '/connexion') return <LoginPage query={query} />;
  if (path === '/inscription') return <SignupPage query={query} />;
  if (path === '/mot-de-passe-oublie') return <ForgotPasswordPage />;
  if (path === '/mot-de-passe/nouveau') return <NewPasswordPage />;
  if (path === '/mon-compte') return <AccountPage />;
  if (path === '/mon-compte/proches') return <RelativesPage />;
  if (path === '/conditions-generales') return <LegalPage kind="terms" />;
  if (path === '/protection-des-donnees') return <LegalPage kind="privacy" />;
  if (path === '/pro' || path.startsWith('/pro/')) return <PracticeSpaceLoader path={path} query={query} />;
  const booking = bookingPage(path, query);
  if (booking) return booking;
  const practitioner = practitionerPath.exec(path);
  if (practitioner?.[1]) return <PractitionerPage id={decodeURIComponent(practitioner[1])} query={query} />;
  return <NotFoundPage />;
}

function PracticeSpaceLoader({ path, query }: { path: string; query: URLSearchParams }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<div className="page-narrow"><h1 tabIndex={-1}>{t('web.practice.loading')}</h1></div>}>
      <PracticeSpace path={path} query={query} />
    </Suspense>
  );
}

/** After an in-app navigation, focus moves to the new page's heading so screen readers start there. */
function useFocusOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);
}

function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const other = lang === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" className="language-switch" lang={other} onClick={() => setLang(other)}>
      {t('web.language.switch')}
    </button>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Frame />
    </SessionProvider>
  );
}

function Frame() {
  const { t } = useI18n();
  const { path } = useLocation();
  useFocusOnNavigation(path);
  return (
    <>
      <a className="skip-link" href="#contenu">{t('web.skip_to_content')}</a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">+</span>
            {t('app.name')}
          </Link>
          <nav aria-label={t('web.nav.label')} className="site-nav">
            <Link to="/" aria-current={path === '/' ? 'page' : undefined}>{t('web.nav.search')}</Link>
            <MyAppointmentsLink />
            <AccountNav />
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="contenu" tabIndex={-1}>
        <SessionNotice />
        <CurrentPage />
      </main>
      <footer className="site-footer">
        <p>{t('web.footer.emergency')}</p>
        <p>{t('web.footer.about')}</p>
        <p><Link to="/pro" className="footer-practice-link">{t('web.practice.footer_link')}</Link></p>
      </footer>
    </>
  );
}
