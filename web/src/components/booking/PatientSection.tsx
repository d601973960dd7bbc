/**
 * « Pour qui ? » (C3): myself, each relative, or « Ajouter un proche » inline; then the patient information: the
 * holder's identity when « Mon compte » lacks it, the chosen person's details, or the new relative's form.
 */
import type { AccountView, Relative } from '../../api.ts';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';
import { formatBirthDate, isAdult } from '../account/dates.ts';
import { CivilityField, EmailField, TextField } from '../account/fields.tsx';
import { PhoneField } from '../account/PhoneField.tsx';
import { holderName } from '../account/AccountNav.tsx';
import { identityMissing, whoFieldId, type PatientForm, type PersonFields } from './patientForm.ts';

interface PatientSectionProps {
  account: AccountView;
  relatives: Relative[];
  form: PatientForm;
  onForm: (form: PatientForm) => void;
  errorOf: (id: string) => string | undefined;
  /** Age limits of the reason, shown where the birth date matters. */
  ageLimits: string[];
}

export function PatientSection({ account, relatives, form, onForm, errorOf, ageLimits }: PatientSectionProps) {
  const { t } = useI18n();
  const selfName = [account.identity.firstName, account.identity.lastName].filter(Boolean).join(' ');
  const whoError = errorOf(whoFieldId);
  const options = [
    { id: whoFieldId, value: 'self', label: selfName ? t('web.confirm.who.self', { name: selfName }) : t('web.confirm.who.self_plain') },
    ...relatives.map((relative) => ({ id: `who-${relative.id}`, value: relative.id, label: `${relative.firstName} ${relative.lastName}` })),
    { id: 'who-new', value: 'new', label: t('web.confirm.who.new') },
  ];
  const chosenRelative = relatives.find((relative) => relative.id === form.who);

  return (
    <>
      <fieldset className={`booking-section who-field${whoError ? ' has-error' : ''}`} aria-describedby="who-hint">
        <legend><h2 className="booking-section-title">{t('web.confirm.who.legend')}</h2></legend>
        <p id="who-hint" className="field-hint">{t('web.confirm.who.hint')}</p>
        {whoError ? <p className="field-error">{whoError}</p> : null}
        <div className="who-options">
          {options.map((option) => (
            <div key={option.value} className="radio who-option">
              <input type="radio" id={option.id} name="who" value={option.value} checked={form.who === option.value}
                onChange={() => onForm({ ...form, who: option.value })} />
              <label htmlFor={option.id}>{option.label}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <section className="booking-section" aria-labelledby="patient-title">
        <h2 id="patient-title" className="booking-section-title">{t('web.confirm.patient.title')}</h2>
        {ageLimits.length ? (
          <div className="age-limits">
            <p>{t('web.confirm.patient.age_limits')}</p>
            <ul>{ageLimits.map((limit) => <li key={limit}>{limit}</li>)}</ul>
          </div>
        ) : null}
        {form.who === 'self' && identityMissing(account) ? (
          <>
            <p className="field-hint">{t('web.confirm.patient.self_missing')}</p>
            <PersonFieldset prefix="patient" person={form.identity} errorOf={errorOf}
              onPerson={(identity) => onForm({ ...form, identity })} />
          </>
        ) : null}
        {form.who === 'self' && !identityMissing(account) ? (
          <PersonSummary name={holderName(account)} birthDate={account.identity.birthDate ?? ''} fixLink="/mon-compte"
            fixText={t('web.confirm.patient.fix_self')} />
        ) : null}
        {chosenRelative ? (
          <PersonSummary name={`${chosenRelative.firstName} ${chosenRelative.lastName}`} birthDate={chosenRelative.birthDate}
            fixLink="/mon-compte/proches" fixText={t('web.confirm.patient.fix_relative')} />
        ) : null}
        {form.who === 'new' ? <NewRelativeFields form={form} onForm={onForm} errorOf={errorOf} /> : null}
      </section>
    </>
  );
}

function PersonSummary({ name, birthDate, fixLink, fixText }: { name: string; birthDate: string; fixLink: string; fixText: string }) {
  const { t, locale } = useI18n();
  return (
    <div className="person-summary">
      <dl className="appointment-facts">
        <div><dt>{t('web.appointment.patient')}</dt><dd>{name}</dd></div>
        {birthDate ? <div><dt>{t('web.accounts.identity.birth_date')}</dt><dd>{formatBirthDate(birthDate, locale)}</dd></div> : null}
      </dl>
      <p className="field-hint"><Link to={fixLink}>{fixText}</Link></p>
    </div>
  );
}

interface PersonFieldsetProps {
  prefix: string;
  person: PersonFields;
  onPerson: (person: PersonFields) => void;
  errorOf: (id: string) => string | undefined;
}

/** Civility, first name, last name and birth date of a person. */
function PersonFieldset({ prefix, person, onPerson, errorOf }: PersonFieldsetProps) {
  const { t } = useI18n();
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <div className="person-fields">
      <CivilityField name={id('civility')} value={person.civility} onValue={(civility) => onPerson({ ...person, civility })} />
      <div className="field-pair">
        <TextField id={id('first-name')} label={t('web.accounts.identity.first_name')} value={person.firstName}
          onValue={(firstName) => onPerson({ ...person, firstName })} autoComplete={prefix === 'patient' ? 'given-name' : 'off'}
          maxLength={200} required error={errorOf(id('first-name'))} />
        <TextField id={id('last-name')} label={t('web.accounts.identity.last_name')} value={person.lastName}
          onValue={(lastName) => onPerson({ ...person, lastName })} autoComplete={prefix === 'patient' ? 'family-name' : 'off'}
          maxLength={200} required error={errorOf(id('last-name'))} />
      </div>
      <TextField id={id('birth-date')} label={t('web.accounts.identity.birth_date')} type="date" value={person.birthDate}
        onValue={(birthDate) => onPerson({ ...person, birthDate })} autoComplete={prefix === 'patient' ? 'bday' : 'off'}
        required className="date-field" hint={t('web.accounts.identity.birth_date.hint')} error={errorOf(id('birth-date'))} />
    </div>
  );
}

/** « Ajouter un proche » inline: the relative is created with the appointment (A7 rules for an adult's contacts). */
function NewRelativeFields({ form, onForm, errorOf }: { form: PatientForm; onForm: (form: PatientForm) => void; errorOf: (id: string) => string | undefined }) {
  const { t } = useI18n();
  const relative = form.relative;
  const adult = isAdult(relative.birthDate);
  const contactNote = adult === null ? t('web.accounts.relatives.contact.unknown')
    : adult ? t('web.accounts.relatives.contact.adult') : t('web.accounts.relatives.contact.minor');
  const setRelative = (changes: Partial<PatientForm['relative']>) => onForm({ ...form, relative: { ...relative, ...changes } });
  return (
    <fieldset className="new-relative">
      <legend className="field-label">{t('web.confirm.new_relative.legend')}</legend>
      <PersonFieldset prefix="new-relative" person={relative} errorOf={errorOf} onPerson={(person) => setRelative(person)} />
      <p className="contact-note" aria-live="polite">{contactNote}</p>
      {adult ? (
        <div className="relative-contact">
          <EmailField id="new-relative-email" label={`${t('web.accounts.relatives.email')} (${t('web.accounts.optional')})`}
            value={relative.email} onValue={(email) => setRelative({ email })} autoComplete="off"
            error={errorOf('new-relative-email')} />
          <PhoneField id="new-relative-phone" label={`${t('web.accounts.relatives.phone')} (${t('web.accounts.optional')})`}
            hint={t('web.accounts.signup.phone.hint')} value={relative.phone} onValue={(phone) => setRelative({ phone })}
            autoComplete="off" error={errorOf('new-relative-phone')} />
        </div>
      ) : null}
    </fieldset>
  );
}
