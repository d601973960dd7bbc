/** The header's « Mes rendez-vous » (signed in only), and the sub-navigation between it and « Mon équipe soignante ». */
import { useI18n } from '../../i18n.tsx';
import { Link, useLocation } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export function MyAppointmentsLink() {
  const { t } = useI18n();
  const { account } = useSession();
  const { path } = useLocation();
  if (!account) return null;
  return (
    <Link to="/mes-rendez-vous" aria-current={path === '/mes-rendez-vous' ? 'page' : undefined} className="my-appointments-link">
      {t('web.appointments.title')}
    </Link>
  );
}

export function AppointmentsSubnav() {
  const { t } = useI18n();
  const { path } = useLocation();
  const links = [
    { to: '/mes-rendez-vous', label: t('web.appointments.title') },
    { to: '/mon-equipe-soignante', label: t('web.care_team.title') },
  ];
  return (
    <nav className="account-subnav" aria-label={t('web.appointments.subnav')}>
      {links.map((link) => (
        <Link key={link.to} to={link.to} aria-current={path === link.to ? 'page' : undefined}>{link.label}</Link>
      ))}
    </nav>
  );
}
