/** The practitioner's places, fees per reason, sector and reimbursement (B5, B6), and practical details. */
import type { Practitioner } from '../api.ts';
import { formatMoney, formatPhone } from '../format.ts';
import { useI18n } from '../i18n.tsx';
import { useLanguageName } from './languages.ts';
import { sectorExplanationKeys, useSectorLabel } from './sector.ts';

export function PractitionerDetails({ practitioner }: { practitioner: Practitioner }) {
  return (
    <div className="practitioner-details">
      <Places practitioner={practitioner} />
      <Fees practitioner={practitioner} />
      <Reimbursement practitioner={practitioner} />
      <PracticalInformation practitioner={practitioner} />
      {practitioner.presentation ? <Presentation text={practitioner.presentation} /> : null}
    </div>
  );
}

function Places({ practitioner }: { practitioner: Practitioner }) {
  const { t } = useI18n();
  return (
    <section className="detail-card" aria-labelledby="places-title">
      <h2 id="places-title">{t('web.practitioner.places')}</h2>
      <ul className="place-list">
        {practitioner.places.map((place) => (
          <li key={place.id}>
            {place.name ? <p className="place-name">{place.name}</p> : null}
            <p>{place.address}<br />{place.postalCode} {place.city}</p>
            {place.phone ? <p><a href={`tel:${place.phone}`}>{formatPhone(place.phone)}</a></p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fees({ practitioner }: { practitioner: Practitioner }) {
  const { t, locale } = useI18n();
  if (!practitioner.reasons.length) return null;
  return (
    <section className="detail-card" aria-labelledby="fees-title">
      <h2 id="fees-title">{t('web.practitioner.fees')}</h2>
      <table className="fees-table">
        <caption className="sr-only">{t('web.practitioner.fees.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('web.practitioner.fees.reason')}</th>
            <th scope="col">{t('web.practitioner.fees.duration')}</th>
            <th scope="col" className="numeric">{t('web.practitioner.fees.price')}</th>
          </tr>
        </thead>
        <tbody>
          {practitioner.reasons.map((reason) => (
            <tr key={reason.id}>
              <th scope="row">{reason.name}</th>
              <td>{t('web.reason.duration', { minutes: reason.durationMinutes })}</td>
              <td className="numeric">{formatMoney(reason.priceCents, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** B6: what the sector means for the reimbursement of the Sécurité sociale. */
function Reimbursement({ practitioner }: { practitioner: Practitioner }) {
  const { t, maybe, locale } = useI18n();
  const sectorLabel = useSectorLabel();
  const { sector, reimbursement } = practitioner;
  const explanation = sectorExplanationKeys(practitioner).map((key) => maybe(key)).find((text) => text !== null);
  const flat = reimbursement.flatParticipationCents;
  return (
    <section className="detail-card" aria-labelledby="reimbursement-title">
      <h2 id="reimbursement-title">{t('web.practitioner.reimbursement')}</h2>
      <p className="sector-name">{sectorLabel(sector)}</p>
      {explanation ? (
        <>
          <p>{explanation}</p>
          {sector === '2-optam' || sector === '2-optam-co' ? <OptionalText textKey="reimbursement.optam" /> : null}
          {typeof flat === 'number' ? (
            <OptionalText textKey="reimbursement.flat_participation" params={{ amount: formatMoney(flat, locale) }} />
          ) : null}
          <OptionalText textKey="reimbursement.coordinated_care" />
        </>
      ) : (
        <>
          <p>{t(`web.sector.${sector}.explanation`)}</p>
          {reimbursement.overruns !== 'not-covered' ? <p>{t('web.reimbursement.rate', { rate: reimbursement.rate })}</p> : null}
          <p>{t(`web.reimbursement.overruns.${reimbursement.overruns}`)}</p>
          <p className="muted">{t('web.reimbursement.flat_fee')}</p>
        </>
      )}
    </section>
  );
}

/** A paragraph for a catalogue key another feature owns; nothing while that key does not exist. */
function OptionalText({ textKey, params }: { textKey: string; params?: Record<string, string> }) {
  const { maybe } = useI18n();
  const text = maybe(textKey, params);
  return text ? <p className="muted">{text}</p> : null;
}

function PracticalInformation({ practitioner }: { practitioner: Practitioner }) {
  const { t } = useI18n();
  const languageName = useLanguageName();
  const payments = practitioner.paymentMethods.map((method) =>
    method === 'card' || method === 'check' || method === 'cash' ? t(`web.payment.${method}`) : method);
  return (
    <section className="detail-card" aria-labelledby="practical-title">
      <h2 id="practical-title">{t('web.practitioner.practical')}</h2>
      <dl className="facts">
        <dt>{t('web.practitioner.payment_methods')}</dt>
        <dd>{payments.length ? payments.join(', ') : t('web.practitioner.not_specified')}</dd>
        <dt>{t('web.practitioner.carte_vitale')}</dt>
        <dd>
          {practitioner.carteVitale ? t('web.practitioner.carte_vitale.yes') : t('web.practitioner.carte_vitale.no')}
          <OptionalText textKey={`practitioner.carte_vitale.${practitioner.carteVitale ? 'accepted' : 'refused'}.explanation`} />
        </dd>
        <dt>{t('web.practitioner.tiers_payant')}</dt>
        <dd>{practitioner.tiersPayant ? t('web.practitioner.tiers_payant.yes') : t('web.practitioner.tiers_payant.no')}</dd>
        <dt>{t('web.practitioner.languages')}</dt>
        <dd>{practitioner.languages.map(languageName).join(', ') || t('web.practitioner.not_specified')}</dd>
        <dt>{t('web.practitioner.rpps')}</dt>
        <dd>{practitioner.rpps}</dd>
      </dl>
    </section>
  );
}

function Presentation({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <section className="detail-card" aria-labelledby="presentation-title">
      <h2 id="presentation-title">{t('web.practitioner.presentation')}</h2>
      <p className="presentation">{text}</p>
    </section>
  );
}
