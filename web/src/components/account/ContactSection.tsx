/**
 * « Coordonnées » (A6): the email and the phone, each changed in three steps — the new value, the code sent to it
 * (an email to the new address; an SMS or a voice call to the new number), then the account as it now is.
 */
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import {
  requestEmailChange, requestPhoneChange, verifyEmailChange, verifyPhoneChange, type AccountView, type CodeSent,
} from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { CodeStep } from './CodeStep.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { EmailField, RequiredLegend, SubmitCancelButtons } from './fields.tsx';
import { PhoneField } from './PhoneField.tsx';
import { SectionStatus } from './SectionStatus.tsx';
import { useSubmission } from './useSubmission.ts';
import { collect, looksLikeEmail, serverMessagePrefixes, startsWithDoubleZero } from './validation.ts';

type Step = 'closed' | 'form' | 'code';

export function ContactSection({ account }: { account: AccountView }) {
  const { t } = useI18n();
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="account-section" aria-labelledby="contact-title">
      <h2 id="contact-title">{t('web.accounts.contact.title')}</h2>
      <dl className="contact-list">
        <div>
          <dt>{t('web.accounts.contact.email')}</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>{t('web.accounts.contact.phone')}</dt>
          <dd>
            {account.phoneDisplay}{' '}
            <span className="muted">({t(account.phoneKind === 'mobile' ? 'web.accounts.contact.phone.mobile' : 'web.accounts.contact.phone.landline')})</span>
          </dd>
        </div>
      </dl>
      <SectionStatus message={done} />
      <EmailChange onDone={() => setDone(t('web.accounts.contact.email.done'))} onStart={() => setDone(null)} />
      <PhoneChange onDone={() => setDone(t('web.accounts.contact.phone.done'))} onStart={() => setDone(null)} />
    </section>
  );
}

interface ChangeProps {
  onStart: () => void;
  onDone: () => void;
}

/** The « Modifier… » button, which gets the focus back when the change is cancelled or done. */
function useOpener(step: Step) {
  const ref = useRef<HTMLButtonElement>(null);
  const previous = useRef(step);
  useEffect(() => {
    if (step === 'closed' && previous.current !== 'closed') ref.current?.focus();
    previous.current = step;
  }, [step]);
  return ref;
}

/** The closed state of a change: its « Modifier… » button. */
function ChangeOpener({ openerRef, label, onOpen }: { openerRef: RefObject<HTMLButtonElement | null>; label: string; onOpen: () => void }) {
  return (
    <p><button ref={openerRef} type="button" className="button button-secondary" onClick={onOpen}>{label}</button></p>
  );
}

interface ChangeCodeProps {
  idPrefix: string;
  why: string;
  sent: CodeSent;
  onSent: (sent: CodeSent) => void;
  /** Checks the code; the account as it now is. */
  verify: (code: string) => Promise<{ account: AccountView }>;
  /** Sends the code again to the same new value. */
  resend: () => Promise<CodeSent>;
  close: () => void;
  onDone: () => void;
}

/** The code sent to the new email or phone; once it is right, the session shows the changed account. */
function ChangeCodeStep({ idPrefix, why, sent, onSent, verify, resend, close, onDone }: ChangeCodeProps) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <CodeStep key={sent.id} idPrefix={idPrefix} title={t('web.accounts.contact.code.title')} why={why}
      sent={sent} onSent={onSent} signedIn headingLevel={3}
      verify={async (code) => {
        session.setAccount((await verify(code)).account);
        close();
        onDone();
      }}
      actions={[{ label: t('web.accounts.code.resend'), send: resend }]}
      footer={<button type="button" className="link-button" onClick={close}>{t('web.accounts.cancel')}</button>} />
  );
}

function EmailChange({ onStart, onDone }: ChangeProps) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<Step>('closed');
  const [email, setEmail] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const submission = useSubmission({ signedIn: true, fieldsOfServerErrors: {
    'email-change-new': serverMessagePrefixes.email, 'email-change-confirmation': serverMessagePrefixes.emailConfirmation,
  } });
  const openerRef = useOpener(step);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !email.trim() ? { id: 'email-change-new', message: t('web.accounts.error.required', { field: t('web.accounts.contact.email.new') }) }
          : !looksLikeEmail(email) && { id: 'email-change-new', message: t('web.accounts.error.email') },
        confirmation.trim().toLowerCase() !== email.trim().toLowerCase()
          && { id: 'email-change-confirmation', message: t('web.accounts.error.email_mismatch') },
      ),
      async () => {
        setSent(await requestEmailChange(email.trim(), confirmation.trim(), lang));
        setStep('code');
      },
    );
  };

  const close = () => {
    setStep('closed');
    setEmail('');
    setConfirmation('');
    setSent(null);
    submission.reset();
  };

  if (step === 'closed') {
    return <ChangeOpener openerRef={openerRef} label={t('web.accounts.contact.email.change')} onOpen={() => { onStart(); setStep('form'); }} />;
  }
  if (step === 'code' && sent) {
    return (
      <ChangeCodeStep idPrefix="email-change" why={t('web.accounts.contact.email.why')} sent={sent} onSent={setSent}
        verify={(code) => verifyEmailChange(sent.id, code, lang)}
        resend={() => requestEmailChange(email.trim(), confirmation.trim(), lang)} close={close} onDone={onDone} />
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="account-form change-form" aria-labelledby="email-change-title">
      <h3 id="email-change-title">{t('web.accounts.contact.email.change')}</h3>
      <p className="muted">{t('web.accounts.contact.email.why')}</p>
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <EmailField id="email-change-new" label={t('web.accounts.contact.email.new')} value={email} onValue={setEmail}
        autoComplete="email" required autoFocus
        error={submission.errorOf('email-change-new')} />
      <EmailField id="email-change-confirmation" label={t('web.accounts.contact.email.confirmation')} value={confirmation}
        onValue={setConfirmation} autoComplete="email" required
        error={submission.errorOf('email-change-confirmation')} />
      <SubmitCancelButtons busy={submission.busy} submitLabel={t('web.accounts.contact.send_code')} onCancel={close} />
    </form>
  );
}

function PhoneChange({ onStart, onDone }: ChangeProps) {
  const { t, lang } = useI18n();
  const [step, setStep] = useState<Step>('closed');
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<CodeSent | null>(null);
  const submission = useSubmission({ signedIn: true, fieldsOfServerErrors: { 'phone-change-new': serverMessagePrefixes.phone } });
  const openerRef = useOpener(step);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        !phone.trim() ? { id: 'phone-change-new', message: t('web.accounts.error.required', { field: t('web.accounts.contact.phone.new') }) }
          : startsWithDoubleZero(phone) && { id: 'phone-change-new', message: t('accounts.error.phone_00') },
      ),
      async () => {
        setSent(await requestPhoneChange(phone.trim(), lang));
        setStep('code');
      },
    );
  };

  const close = () => {
    setStep('closed');
    setPhone('');
    setSent(null);
    submission.reset();
  };

  if (step === 'closed') {
    return <ChangeOpener openerRef={openerRef} label={t('web.accounts.contact.phone.change')} onOpen={() => { onStart(); setStep('form'); }} />;
  }
  if (step === 'code' && sent) {
    return (
      <ChangeCodeStep idPrefix="phone-change" why={t('web.accounts.contact.phone.why')} sent={sent} onSent={setSent}
        verify={(code) => verifyPhoneChange(sent.id, code, lang)}
        resend={() => requestPhoneChange(phone.trim(), lang)} close={close} onDone={onDone} />
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="account-form change-form" aria-labelledby="phone-change-title">
      <h3 id="phone-change-title">{t('web.accounts.contact.phone.change')}</h3>
      <p className="muted">{t('web.accounts.contact.phone.why')}</p>
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <PhoneField id="phone-change-new" label={t('web.accounts.contact.phone.new')} hint={t('web.accounts.signup.phone.hint')}
        value={phone} onValue={setPhone} required autoFocus error={submission.errorOf('phone-change-new')} />
      <SubmitCancelButtons busy={submission.busy} submitLabel={t('web.accounts.contact.send_code')} onCancel={close} />
    </form>
  );
}
