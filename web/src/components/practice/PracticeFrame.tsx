/**
 * The frame of every signed-in page of the practitioner space: waits for the staff session (else /pro/connexion with
 * a way back), the space's navigation (Agenda, Nouveau rendez-vous, Paramètres, Secrétariat, Mon compte, Déconnexion), the
 * practitioner switcher of a secretary, the page's heading and the notice of the last action.
 */
import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../../api.ts';
import { staffLogOut, type ActingFor, type Right, type StaffView } from '../../api-practice.ts';
import { usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { PracticeNoticeRegion, usePracticeSession } from './PracticeSession.tsx';

interface PracticePageProps {
  title: string;
  /** The right the page needs (view by default); without it the page says so. */
  right?: Right;
  /** Only the practitioner itself (secretaries page). */
  practitionerOnly?: boolean;
  children?: (acting: ActingFor, staff: StaffView) => ReactNode;
  /** A page of the login itself (« Mon compte »): shown whatever practitioner it acts for, if any. */
  own?: (staff: StaffView) => ReactNode;
}

export function PracticePage({ title, right = 'view', practitionerOnly = false, children, own }: PracticePageProps) {
  const { t } = useI18n();
  const { status, staff, acting } = usePracticeSession();
  const { path, query } = useLocation();
  const here = query.size ? `${path}?${query.toString()}` : path;
  usePageTitle(staff ? title : t('web.practice.loading'));

  useEffect(() => {
    if (status === 'ready' && !staff) navigate(`/pro/connexion?retour=${encodeURIComponent(here)}`, { replace: true });
  }, [status, staff, here]);

  if (!staff) {
    return (
      <div className="practice-page">
        <h1 tabIndex={-1}>{t('web.practice.loading')}</h1>
      </div>
    );
  }
  const allowed = acting && acting.rights.includes(right) && (!practitionerOnly || staff.role === 'practitioner');
  return (
    <div className="practice-page">
      <PracticeNav staff={staff} acting={acting} />
      <h1 tabIndex={-1}>{title}</h1>
      <PracticeNoticeRegion />
      {own ? own(staff) : null}
      {!own && !acting ? <p role="alert">{t('web.practice.no_practitioner')}</p> : null}
      {!own && acting && !allowed ? <p role="alert">{t('web.practice.not_allowed')}</p> : null}
      {!own && acting && allowed && children ? children(acting, staff) : null}
    </div>
  );
}

const links: { to: string; key: 'web.practice.nav.agenda' | 'web.practice.nav.new' | 'web.practice.nav.settings' | 'web.practice.nav.secretaries';
  right: Right; practitionerOnly?: boolean; match: (path: string) => boolean }[] = [
  { to: '/pro', key: 'web.practice.nav.agenda', right: 'view', match: (path) => path === '/pro' || path.startsWith('/pro/rendez-vous/') },
  { to: '/pro/nouveau-rendez-vous', key: 'web.practice.nav.new', right: 'book', match: (path) => path === '/pro/nouveau-rendez-vous' },
  { to: '/pro/parametres/motifs', key: 'web.practice.nav.settings', right: 'view', match: (path) => path.startsWith('/pro/parametres') },
  { to: '/pro/secretariat', key: 'web.practice.nav.secretaries', right: 'view', practitionerOnly: true, match: (path) => path === '/pro/secretariat' },
];

function PracticeNav({ staff, acting }: { staff: StaffView; acting: ActingFor | null }) {
  const { t, lang } = useI18n();
  const session = usePracticeSession();
  const { path } = useLocation();

  const logout = async () => {
    try {
      await staffLogOut(lang);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        session.announce({ key: 'web.error.network', path });
        return;
      }
    }
    session.announce({ key: 'web.practice.notice.logged_out', path: '/pro/connexion' });
    navigate('/pro/connexion');
    session.clear();
  };

  return (
    <div className="practice-bar">
      <div className="practice-who">
        <p className="practice-space-name">{t('web.practice.space')}</p>
        <p className="practice-staff-name">
          {staff.firstName} {staff.lastName}
          <span className="muted"> · {t(`web.practice.role.${staff.role}`)}</span>
        </p>
        <PractitionerSwitcher staff={staff} acting={acting} />
      </div>
      <nav aria-label={t('web.practice.nav.label')} className="practice-nav">
        <ul>
          {links.filter((link) => acting?.rights.includes(link.right) && (!link.practitionerOnly || staff.role === 'practitioner')).map((link) => (
            <li key={link.to}>
              <Link to={link.to} aria-current={link.match(path) ? 'page' : undefined}>{t(link.key)}</Link>
            </li>
          ))}
          <li>
            <Link to="/pro/compte" aria-current={path === '/pro/compte' ? 'page' : undefined}>{t('web.practice.nav.account')}</Link>
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => void logout()}>{t('web.practice.nav.logout')}</button>
          </li>
        </ul>
      </nav>
    </div>
  );
}

/** A secretary acting for several practitioners picks whose agenda and settings are shown. */
function PractitionerSwitcher({ staff, acting }: { staff: StaffView; acting: ActingFor | null }) {
  const { t } = useI18n();
  const { chooseActing } = usePracticeSession();
  if (staff.role === 'practitioner' || !acting) return null;
  if (staff.practitioners.length === 1) return <p className="practice-acting">{t('web.practice.acting_for', { name: acting.name })}</p>;
  return (
    <div className="practice-switcher">
      <label htmlFor="practice-acting" className="field-label">{t('web.practice.switcher.label')}</label>
      <select id="practice-acting" value={acting.id} onChange={(event) => chooseActing(event.target.value)}>
        {staff.practitioners.map((practitioner) => (
          <option key={practitioner.id} value={practitioner.id}>{practitioner.name}</option>
        ))}
      </select>
    </div>
  );
}

/** The settings pages' own navigation: Lieux, Motifs, Horaires, Absences, Remplaçants. */
export function SettingsNav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const pages = [
    ['/pro/parametres/motifs', t('web.practice.settings.reasons')],
    ['/pro/parametres/horaires', t('web.practice.settings.hours')],
    ['/pro/parametres/lieux', t('web.practice.settings.places')],
    ['/pro/parametres/absences', t('web.practice.settings.absences')],
    ['/pro/parametres/remplacants', t('web.practice.settings.replacements')],
  ] as const;
  return (
    <nav className="account-subnav" aria-label={t('web.practice.nav.settings')}>
      {pages.map(([to, label]) => (
        <Link key={to} to={to} aria-current={path === to ? 'page' : undefined}>{label}</Link>
      ))}
    </nav>
  );
}
