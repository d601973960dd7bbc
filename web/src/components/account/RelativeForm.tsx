/**
 * Add or edit a relative (A7): civility, names, birth date; an adult's own email and phone, shown only once the
 * birth date says the relative is 18 or more, with why (an adult with own contacts gets the SMS reminders; a minor's
 * messages all go to the account holder).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { addRelative, updateRelative, type Relative } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { isAdult, isPlausibleBirthDate } from './dates.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { CivilityField, EmailField, RequiredLegend, SubmitCancelButtons, TextField, type Civility } from './fields.tsx';
import { PhoneField } from './PhoneField.tsx';
import { useSubmission } from './useSubmission.ts';
import { collect, looksLikeEmail, serverMessagePrefixes, startsWithDoubleZero } from './validation.ts';

interface RelativeFormProps {
  /** null: a new relative. */
  relative: Relative | null;
  onSaved: (relative: Relative) => void;
  onCancel: () => void;
}

export function RelativeForm({ relative, onSaved, onCancel }: RelativeFormProps) {
  const { t, lang } = useI18n();
  const prefix = relative ? `relative-${relative.id}` : 'relative-new';
  const [civility, setCivility] = useState<Civility>(relative?.civility ?? '');
  const [firstName, setFirstName] = useState(relative?.firstName ?? '');
  const [lastName, setLastName] = useState(relative?.lastName ?? '');
  const [birthDate, setBirthDate] = useState(relative?.birthDate ?? '');
  const [email, setEmail] = useState(relative?.email ?? '');
  const [phone, setPhone] = useState(relative?.phoneDisplay ?? relative?.phone ?? '');
  const submission = useSubmission({ signedIn: true, fieldsOfServerErrors: {
    [`${prefix}-birth-date`]: serverMessagePrefixes.birthDate,
    [`${prefix}-email`]: serverMessagePrefixes.email,
    [`${prefix}-phone`]: serverMessagePrefixes.phone,
  } });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const adult = isAdult(birthDate);
  const contactNoteId = `${prefix}-contact-note`;
  const title = relative
    ? t('web.accounts.relatives.form.edit', { name: `${relative.firstName} ${relative.lastName}` })
    : t('web.accounts.relatives.form.add');

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const id = (field: string) => `${prefix}-${field}`;
  const required = (field: string, value: string, label: string) =>
    !value.trim() && { id: id(field), message: t('web.accounts.error.required', { field: label }) };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submission.submit(
      collect(
        required('first-name', firstName, t('web.accounts.identity.first_name')),
        required('last-name', lastName, t('web.accounts.identity.last_name')),
        required('birth-date', birthDate, t('web.accounts.identity.birth_date'))
          || (!isPlausibleBirthDate(birthDate) && { id: id('birth-date'), message: t('web.accounts.error.birth_date') }),
        adult === true && email.trim() !== '' && !looksLikeEmail(email) && { id: id('email'), message: t('web.accounts.error.email') },
        adult === true && startsWithDoubleZero(phone) && { id: id('phone'), message: t('accounts.error.phone_00') },
      ),
      async () => {
        // A minor has no contacts of its own: anything typed before the birth date changed is dropped.
        const input = {
          civility: civility || null, firstName: firstName.trim(), lastName: lastName.trim(), birthDate,
          email: adult && email.trim() ? email.trim() : null, phone: adult && phone.trim() ? phone.trim() : null,
        };
        const answer = relative ? await updateRelative(relative.id, input, lang) : await addRelative(input, lang);
        onSaved(answer.relative);
      },
    );
  };

  const contactNote = adult === null ? t('web.accounts.relatives.contact.unknown')
    : adult ? t('web.accounts.relatives.contact.adult') : t('web.accounts.relatives.contact.minor');

  return (
    <form noValidate onSubmit={onSubmit} className="account-form relative-form" aria-labelledby={id('title')}>
      <h3 id={id('title')} ref={headingRef} tabIndex={-1}>{title}</h3>
      <ErrorSummary submission={submission} />
      <RequiredLegend />
      <CivilityField name={id('civility')} value={civility} onValue={setCivility} />
      <div className="field-pair">
        <TextField id={id('first-name')} label={t('web.accounts.identity.first_name')} value={firstName} onValue={setFirstName}
          autoComplete="off" maxLength={200} required error={submission.errorOf(id('first-name'))} />
        <TextField id={id('last-name')} label={t('web.accounts.identity.last_name')} value={lastName} onValue={setLastName}
          autoComplete="off" maxLength={200} required error={submission.errorOf(id('last-name'))} />
      </div>
      <TextField id={id('birth-date')} label={t('web.accounts.identity.birth_date')} type="date" value={birthDate}
        onValue={setBirthDate} autoComplete="off" required className="date-field" describedByIds={[contactNoteId]}
        error={submission.errorOf(id('birth-date'))} />
      <p id={contactNoteId} className="contact-note" aria-live="polite">{contactNote}</p>
      {adult ? (
        <fieldset className="relative-contact">
          <legend className="field-label">{t('web.accounts.relatives.contact.legend')}</legend>
          <EmailField id={id('email')} label={`${t('web.accounts.relatives.email')} (${t('web.accounts.optional')})`}
            value={email} onValue={setEmail} autoComplete="off"
            error={submission.errorOf(id('email'))} />
          <PhoneField id={id('phone')} label={`${t('web.accounts.relatives.phone')} (${t('web.accounts.optional')})`}
            hint={t('web.accounts.signup.phone.hint')} value={phone} onValue={setPhone} autoComplete="off"
            error={submission.errorOf(id('phone'))} />
        </fieldset>
      ) : null}
      <SubmitCancelButtons busy={submission.busy} onCancel={onCancel}
        submitLabel={relative ? t('web.accounts.relatives.form.submit.edit') : t('web.accounts.relatives.form.submit.add')} />
    </form>
  );
}
