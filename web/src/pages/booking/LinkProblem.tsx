/** Why a message link cannot be used (missing, expired, already used, server unreachable), and where to go instead. */
import type { LinkState } from '../../components/booking/useAppointmentLink.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';

export function LinkProblem({ state }: { state: LinkState }) {
  const { t } = useI18n();
  if (state.kind === 'ready' || state.kind === 'checking') return null;
  const text = state.kind === 'missing' ? t('web.link.missing')
    : state.kind === 'invalid' ? state.message : t('web.error.network');
  return (
    <div className="booking-section">
      <p role="alert">{text}</p>
      <p><Link to="/mes-rendez-vous">{t('web.link.find')}</Link></p>
    </div>
  );
}
