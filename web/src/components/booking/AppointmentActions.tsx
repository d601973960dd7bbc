/**
 * « Déplacer le RDV » and « Annuler le RDV » of an upcoming appointment (D2, D3): cancelling asks for confirmation;
 * under 4 hours both give way to the practice's phone. Cancelled and past appointments have no action (D6: no delete).
 */
import { useRef, useState } from 'react';
import { ApiError } from '../../api.ts';
import { cancelAppointment, type AppointmentView } from '../../api-booking.ts';
import { formatPhone } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { ConfirmDialog } from '../account/ConfirmDialog.tsx';
import { useSubmission } from '../account/useSubmission.ts';
import { appointmentWhen } from './when.ts';

interface AppointmentActionsProps {
  appointment: AppointmentView;
  onCancelled: (appointment: AppointmentView) => void;
  /** The cancel function (the link page cancels with its token). */
  cancel?: () => Promise<AppointmentView>;
  /** Whether to offer « Déplacer le RDV » (the link page has its own way). */
  movable?: boolean;
}

export function AppointmentActions({ appointment, onCancelled, cancel, movable = true }: AppointmentActionsProps) {
  const { t, lang, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [tooLate, setTooLate] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const submission = useSubmission({ signedIn: !cancel });
  const when = appointmentWhen(appointment.start, t, locale);

  if (appointment.status !== 'booked' || appointment.cancellation === 'past') return null;
  if (appointment.cancellation === 'phone_only' || tooLate) return <PhoneOnly phone={appointment.practitioner.phone} />;

  const close = () => {
    setOpen(false);
    submission.reset();
    opener.current?.focus();
  };
  const confirm = () => void submission.submit([], async () => {
    try {
      const cancelled = await (cancel ? cancel() : cancelAppointment(appointment.id, lang));
      setOpen(false);
      onCancelled(cancelled);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'cancel_too_late') {
        setOpen(false);
        setTooLate(true);
        return;
      }
      throw error;
    }
  });

  return (
    <div className="appointment-actions">
      {movable ? (
        <Link to={`/mes-rendez-vous/${encodeURIComponent(appointment.id)}/deplacer`} className="button button-secondary">
          {t('web.appointment.move')}<span className="sr-only"> – {when}</span>
        </Link>
      ) : null}
      <button ref={opener} type="button" className="button button-danger-outline" onClick={() => setOpen(true)}>
        {t('web.appointment.cancel')}<span className="sr-only"> – {when}</span>
      </button>
      <ConfirmDialog open={open} title={t('web.cancel.dialog.title')}
        text={t('web.cancel.dialog.text', { slot: when, name: appointment.practitioner.name })}
        confirmLabel={t('web.appointment.cancel')} dismissLabel={t('web.cancel.keep')}
        onConfirm={confirm} onClose={close} submission={submission} />
    </div>
  );
}

/** Under 4 hours (D3): the practice's number instead of the buttons. */
export function PhoneOnly({ phone }: { phone: string | null }) {
  const { t } = useI18n();
  if (!phone) return <p className="phone-only" role="status">{t('web.appointment.phone_only.no_phone')}</p>;
  return (
    <p className="phone-only" role="status">
      {t('web.appointment.phone_only')} <a href={`tel:${phone}`}>{formatPhone(phone)}</a>.
    </p>
  );
}
