/**
 * The « enter the code » step shared by sign-up, login and contact changes: where the code went and until when,
 * a 6-digit input the phone can fill from the message, and the ways to get another code (disabled, with a visible
 * countdown, until the server allows a resend).
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, type CodeSent } from '../../api.ts';
import { formatTime } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';
import { ErrorSummary } from './ErrorSummary.tsx';
import { TextField } from './fields.tsx';
import { useCountdown, formatWait } from './useCountdown.ts';
import { useSubmission } from './useSubmission.ts';
import { codeDigits, collect, isSixDigitCode, serverMessagePrefixes } from './validation.ts';

export interface CodeAction {
  label: string;
  /** Asks the server for a new code; its answer replaces the current one. */
  send: () => Promise<CodeSent>;
  /** False for a code sent elsewhere (login code by SMS rather than email), which the 2-minute wait does not hold back. */
  waits?: boolean;
}

interface CodeStepProps {
  idPrefix: string;
  title: string;
  /** Why a code is asked (one sentence). */
  why: string;
  sent: CodeSent;
  onSent: (sent: CodeSent) => void;
  verify: (code: string) => Promise<void>;
  /** « Renvoyer le code », « Recevoir un appel »…: wait for `resendAvailableAt` unless told otherwise. */
  actions: CodeAction[];
  /** Text before the actions (e.g. « Au-delà de 2 minutes, vérifiez le numéro : »). */
  actionsIntro?: string;
  /** Extra controls in the form (e.g. « Se souvenir de moi »). */
  extra?: ReactNode;
  /** Under the actions (e.g. « Changer de numéro », « Revenir… »). */
  footer?: ReactNode;
  signedIn?: boolean;
  /** 3 inside a section that has its own h2. */
  headingLevel?: 2 | 3;
}

export function CodeStep({ idPrefix, title, why, sent, onSent, verify, actions, actionsIntro, extra, footer, signedIn, headingLevel = 2 }: CodeStepProps) {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const [resent, setResent] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submission = useSubmission({ fieldsOfServerErrors: { [`${idPrefix}-code`]: serverMessagePrefixes.code }, signedIn });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const wait = useCountdown(sent.resendAvailableAt);
  const codeId = `${idPrefix}-code`;
  const sentenceId = `${idPrefix}-sent`;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(!isSixDigitCode(code) && { id: codeId, message: t('web.accounts.error.code') }),
      () => verify(code.trim()),
    );
  };

  const runAction = async (action: CodeAction) => {
    setActionError(null);
    setResent(false);
    setSending(true);
    try {
      onSent(await action.send());
      setCode('');
      setResent(true);
    } catch (error) {
      setActionError(error instanceof ApiError ? error.message : t('web.error.network'));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="code-step" aria-labelledby={`${idPrefix}-title`}>
      <Heading id={`${idPrefix}-title`} ref={headingRef} tabIndex={-1}>{title}</Heading>
      <p className="muted">{why}</p>
      <div id={sentenceId}>
        <p className="code-sent">{t(`web.accounts.code.sent.${sent.channel}`, { destination: sent.destination })}</p>
        <p>{t('web.accounts.code.expires', { time: formatTime(sent.expiresAt, locale) })}</p>
      </div>
      <div role="status" className="code-status">
        {resent ? <p className="success-message">{t('web.accounts.code.resent')}</p> : null}
      </div>
      <form noValidate onSubmit={onSubmit} className="account-form">
        <ErrorSummary submission={submission} />
        <TextField
          id={codeId}
          label={t('web.accounts.code.label')}
          hint={t('web.accounts.code.hint')}
          describedByIds={[sentenceId]}
          value={code}
          onValue={(value) => setCode(codeDigits(value))}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={6}
          className="code-input"
          required
          error={submission.errorOf(codeId)}
        />
        {extra}
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {submission.busy ? t('web.accounts.sending') : t('web.accounts.code.submit')}
        </button>
      </form>
      <div className="code-actions">
        <p className="code-actions-title">{actionsIntro ?? t('web.accounts.code.alternatives')}</p>
        <div className="button-row">
          {actions.map((action) => (
            <button key={action.label} type="button" className="button button-secondary"
              disabled={(action.waits !== false && wait > 0) || sending} onClick={() => void runAction(action)}>
              {action.label}
            </button>
          ))}
        </div>
        {wait > 0 ? <p className="countdown">{t('web.accounts.code.wait', { time: formatWait(wait) })}</p> : null}
        {actionError ? <p role="alert" className="field-error">{actionError}</p> : null}
        {footer}
      </div>
    </section>
  );
}
