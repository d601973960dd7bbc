/**
 * /mon-equipe-soignante (A8): the practitioners the account has booked with, each removable (« Retirer ») without
 * touching any appointment; the history of consulted practitioners can be switched on or off.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, updateAccount, type AccountView } from '../../api.ts';
import { getCareTeam, removeFromCareTeam, type CareTeamMember } from '../../api-booking.ts';
import { RequireAccount } from '../../components/account/RequireAccount.tsx';
import { AppointmentsSubnav } from '../../components/booking/BookingNav.tsx';
import { formatFullDay } from '../../components/booking/when.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { useSession } from '../../session.tsx';

export function CareTeamPage() {
  const { t } = useI18n();
  usePageTitle(t('web.care_team.title'));
  return <RequireAccount>{(account) => <CareTeam account={account} />}</RequireAccount>;
}

function CareTeam({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [version, setVersion] = useState(0);
  const loaded = useLoad(`care-team|${account.id}|${lang}|${version}`, (signal) => getCareTeam(lang, signal));
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const data = loaded.state === 'done' ? loaded.data : loaded.state === 'loading' ? loaded.previous : undefined;
  const members = data?.practitioners.filter((member) => !removed.has(member.id)) ?? [];
  const [focusAfterRemoval, setFocusAfterRemoval] = useState(0);

  useEffect(() => {
    if (focusAfterRemoval) headingRef.current?.focus();
  }, [focusAfterRemoval]);

  const fail = (failure: unknown) => {
    if (failure instanceof ApiError && failure.status === 401) {
      session.clear();
      return;
    }
    setError(failure instanceof ApiError ? failure.message : t('web.error.network'));
  };

  const remove = async (member: CareTeamMember) => {
    setError(null);
    try {
      await removeFromCareTeam(member.id, lang);
      setRemoved((set) => new Set(set).add(member.id));
      setStatus(t('web.care_team.removed', { name: member.name }));
      // The removed card held the focus: the list's heading takes it.
      setFocusAfterRemoval((n) => n + 1);
    } catch (failure) {
      fail(failure);
    }
  };

  const toggleHistory = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await updateAccount({ careHistoryEnabled: enabled }, lang);
      session.setAccount(answer.account);
      setStatus(enabled ? t('web.care_team.history.on') : t('web.care_team.history.off'));
      setVersion((n) => n + 1);
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const historyEnabled = data?.historyEnabled ?? account.careHistoryEnabled;
  return (
    <div className="booking-page care-team-page">
      <h1 tabIndex={-1}>{t('web.care_team.title')}</h1>
      <AppointmentsSubnav />
      <p className="lead">{t('web.care_team.lead')}</p>
      <div role="status" className="care-team-status">{status ? <p className="session-notice">{status}</p> : null}</div>
      <div role="alert">{error ? <p className="error-message">{error}</p> : null}</div>
      {loaded.state === 'error' ? <p role="alert" className="error-message">{t('web.error.network')}</p> : null}
      <section className="appointments-section" aria-labelledby="care-team-list-title">
        <h2 id="care-team-list-title" ref={headingRef} tabIndex={-1}>{t('web.care_team.title')}</h2>
        {data && !members.length ? <p>{t('web.care_team.empty')}</p> : null}
        {!data && loaded.state === 'loading' ? <p>{t('web.accounts.loading')}</p> : null}
        <ul className="care-team-list">
          {members.map((member) => <CareTeamCard key={member.id} member={member} onRemove={() => void remove(member)} />)}
        </ul>
      </section>
      <section className="appointments-section" aria-labelledby="history-title">
        <h2 id="history-title">{t('web.care_team.history.title')}</h2>
        <p>{historyEnabled ? t('web.care_team.history.on') : t('web.care_team.history.off')}</p>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void toggleHistory(!historyEnabled)}>
          {historyEnabled ? t('web.care_team.history.disable') : t('web.care_team.history.enable')}
        </button>
      </section>
    </div>
  );
}

function CareTeamCard({ member, onRemove }: { member: CareTeamMember; onRemove: () => void }) {
  const { t, locale } = useI18n();
  const titleId = `care-team-${member.id}`;
  return (
    <li>
      <article className="care-team-card" aria-labelledby={titleId}>
        <h3 id={titleId}>{member.name}</h3>
        <p>{member.specialty} · {member.city}</p>
        {member.lastAppointment ? <p className="muted">{t('web.care_team.last', { day: formatFullDay(member.lastAppointment, locale) })}</p> : null}
        <div className="button-row">
          <Link to={`/praticien/${encodeURIComponent(member.id)}`} className="button button-primary"
            aria-label={t('web.care_team.book.name', { name: member.name })}>
            {t('web.care_team.book')}
          </Link>
          <button type="button" className="button button-danger-outline" onClick={onRemove}
            aria-label={t('web.care_team.remove.name', { name: member.name })}>
            {t('web.care_team.remove')}
          </button>
        </div>
      </article>
    </li>
  );
}
