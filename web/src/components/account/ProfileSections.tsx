/** « Mon compte » (A6): identity (civility, names, birth date) and postal address, each saved on its own. */
import { useState, type FormEvent } from 'react';
import { updateAccount, type AccountView } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { useSession } from '../../session.tsx';
import { isPlausibleBirthDate } from './dates.ts';
import { ErrorSummary } from './ErrorSummary.tsx';
import { CivilityField, TextField, type Civility } from './fields.tsx';
import { SectionStatus } from './SectionStatus.tsx';
import { useSubmission } from './useSubmission.ts';
import { collect, serverMessagePrefixes } from './validation.ts';

/** Empty text means « not given ». */
function orNull(value: string): string | null {
  return value.trim() || null;
}

export function IdentitySection({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [civility, setCivility] = useState<Civility>(account.identity.civility ?? '');
  const [firstName, setFirstName] = useState(account.identity.firstName ?? '');
  const [lastName, setLastName] = useState(account.identity.lastName ?? '');
  const [birthDate, setBirthDate] = useState(account.identity.birthDate ?? '');
  const [saved, setSaved] = useState(false);
  const submission = useSubmission({ signedIn: true, fieldsOfServerErrors: { 'identity-birth-date': serverMessagePrefixes.birthDate } });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void submission.submit(
      collect(birthDate !== '' && !isPlausibleBirthDate(birthDate) && { id: 'identity-birth-date', message: t('web.accounts.error.birth_date') }),
      async () => {
        const { account: next } = await updateAccount({
          civility: civility || null, firstName: orNull(firstName), lastName: orNull(lastName), birthDate: birthDate || null,
        }, lang);
        session.setAccount(next);
        setSaved(true);
      },
    );
  };

  return (
    <section className="account-section" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('web.accounts.identity.title')}</h2>
      <form noValidate onSubmit={onSubmit} className="account-form">
        <ErrorSummary submission={submission} />
        <CivilityField name="identity-civility" value={civility} onValue={setCivility} />
        <div className="field-pair">
          <TextField id="identity-first-name" label={t('web.accounts.identity.first_name')} value={firstName} onValue={setFirstName}
            autoComplete="given-name" maxLength={200} />
          <TextField id="identity-last-name" label={t('web.accounts.identity.last_name')} value={lastName} onValue={setLastName}
            autoComplete="family-name" maxLength={200} />
        </div>
        <TextField id="identity-birth-date" label={t('web.accounts.identity.birth_date')} type="date" value={birthDate}
          onValue={setBirthDate} autoComplete="bday" hint={t('web.accounts.identity.birth_date.hint')}
          error={submission.errorOf('identity-birth-date')} className="date-field" />
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {submission.busy ? t('web.accounts.sending') : t('web.accounts.account.save')}
        </button>
        <SectionStatus message={saved ? t('web.accounts.account.saved') : null} />
      </form>
    </section>
  );
}

export function AddressSection({ account }: { account: AccountView }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const [line, setLine] = useState(account.address.line ?? '');
  const [postalCode, setPostalCode] = useState(account.address.postalCode ?? '');
  const [city, setCity] = useState(account.address.city ?? '');
  const [saved, setSaved] = useState(false);
  const submission = useSubmission({ signedIn: true, fieldsOfServerErrors: { 'address-postal-code': serverMessagePrefixes.postalCode } });
  // All three or none: an address is complete or absent (the server's rule).
  const anyGiven = Boolean(line.trim() || postalCode.trim() || city.trim());

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const missing = (id: string, value: string, label: string) =>
      anyGiven && !value.trim() && { id, message: t('web.accounts.error.required', { field: label }) };
    void submission.submit(
      collect(
        missing('address-line', line, t('web.accounts.address.line')),
        // The format is the server's to judge: 5 known digits for a French commune, a foreign city keeps its own.
        missing('address-postal-code', postalCode, t('web.accounts.address.postal_code')),
        missing('address-city', city, t('web.accounts.address.city')),
      ),
      async () => {
        const { account: next } = await updateAccount({
          address: { line: orNull(line), postalCode: orNull(postalCode), city: orNull(city) },
        }, lang);
        session.setAccount(next);
        setSaved(true);
      },
    );
  };

  return (
    <section className="account-section" aria-labelledby="address-title">
      <h2 id="address-title">{t('web.accounts.address.title')}</h2>
      <form noValidate onSubmit={onSubmit} className="account-form">
        <ErrorSummary submission={submission} />
        <TextField id="address-line" label={t('web.accounts.address.line')} value={line} onValue={setLine}
          autoComplete="address-line1" maxLength={200} required={anyGiven} error={submission.errorOf('address-line')} />
        <div className="field-pair">
          <TextField id="address-postal-code" label={t('web.accounts.address.postal_code')} value={postalCode} onValue={setPostalCode}
            autoComplete="postal-code" maxLength={40} required={anyGiven} className="postal-code-field"
            error={submission.errorOf('address-postal-code')} />
          <TextField id="address-city" label={t('web.accounts.address.city')} value={city} onValue={setCity}
            autoComplete="address-level2" maxLength={100} required={anyGiven} error={submission.errorOf('address-city')} />
        </div>
        <button type="submit" className="button button-primary" disabled={submission.busy}>
          {submission.busy ? t('web.accounts.sending') : t('web.accounts.account.save')}
        </button>
        <SectionStatus message={saved ? t('web.accounts.account.saved') : null} />
      </form>
    </section>
  );
}
