/**
 * The answers of « Pour qui ? » and the patient information (C3): who (self, a relative, a new relative), the holder's
 * identity when « Mon compte » lacks it, the new relative's details; checked here, sent as the API's `patient`.
 */
import type { AccountView, Relative } from '../../api.ts';
import type { PatientChoice } from '../../api-booking.ts';
import type { I18n } from '../../i18n.tsx';
import { isAdult, isPlausibleBirthDate } from '../account/dates.ts';
import type { Civility } from '../account/fields.tsx';
import { collect, looksLikeEmail, startsWithDoubleZero, type FieldError } from '../account/validation.ts';

export interface PersonFields { civility: Civility; firstName: string; lastName: string; birthDate: string }

export interface PatientForm {
  /** 'self', 'new', or a relative's id; '' until chosen. */
  who: string;
  identity: PersonFields;
  relative: PersonFields & { email: string; phone: string };
}

export const whoFieldId = 'who-self';

export function initialPatientForm(account: AccountView | null): PatientForm {
  const identity = account?.identity;
  return {
    who: 'self',
    identity: {
      civility: identity?.civility ?? '', firstName: identity?.firstName ?? '', lastName: identity?.lastName ?? '',
      birthDate: identity?.birthDate ?? '',
    },
    relative: { civility: '', firstName: '', lastName: '', birthDate: '', email: '', phone: '' },
  };
}

/** « Mon compte » lacks a part of the identity needed to book for oneself. */
export function identityMissing(account: AccountView): boolean {
  const { firstName, lastName, birthDate } = account.identity;
  return !firstName || !lastName || !birthDate;
}

function personErrors(prefix: string, person: PersonFields, t: I18n['t']): (FieldError | false)[] {
  const required = (field: string, value: string, label: string): FieldError | false =>
    !value.trim() && { id: `${prefix}-${field}`, message: t('web.accounts.error.required', { field: label }) };
  return [
    required('first-name', person.firstName, t('web.accounts.identity.first_name')),
    required('last-name', person.lastName, t('web.accounts.identity.last_name')),
    required('birth-date', person.birthDate, t('web.accounts.identity.birth_date'))
      || (!isPlausibleBirthDate(person.birthDate) && { id: `${prefix}-birth-date`, message: t('web.accounts.error.birth_date') }),
  ];
}

/** What the browser can check before sending (the server checks again). */
export function patientErrors(form: PatientForm, account: AccountView, relatives: Relative[], t: I18n['t']): FieldError[] {
  if (form.who === 'self') return identityMissing(account) ? collect(...personErrors('patient', form.identity, t)) : [];
  if (form.who === 'new') {
    const adult = isAdult(form.relative.birthDate) === true;
    return collect(
      ...personErrors('new-relative', form.relative, t),
      adult && form.relative.email.trim() !== '' && !looksLikeEmail(form.relative.email)
        && { id: 'new-relative-email', message: t('web.accounts.error.email') },
      adult && startsWithDoubleZero(form.relative.phone) && { id: 'new-relative-phone', message: t('accounts.error.phone_00') },
    );
  }
  if (relatives.some((relative) => relative.id === form.who)) return [];
  return [{ id: whoFieldId, message: t('web.confirm.error.who') }];
}

/** The API's `patient` for these answers. */
export function patientChoice(form: PatientForm, account: AccountView): PatientChoice {
  if (form.who === 'self') {
    if (!identityMissing(account)) return { kind: 'self' };
    const { civility, firstName, lastName, birthDate } = form.identity;
    return { kind: 'self', identity: { civility: civility || null, firstName: firstName.trim(), lastName: lastName.trim(), birthDate } };
  }
  if (form.who === 'new') {
    const { civility, firstName, lastName, birthDate, email, phone } = form.relative;
    // A minor has no contacts of its own (A7): anything typed before the birth date changed is dropped.
    const adult = isAdult(birthDate) === true;
    return {
      kind: 'new_relative',
      relative: {
        civility: civility || null, firstName: firstName.trim(), lastName: lastName.trim(), birthDate,
        email: adult && email.trim() ? email.trim() : null, phone: adult && phone.trim() ? phone.trim() : null,
      },
    };
  }
  return { kind: 'relative', relativeId: form.who };
}
