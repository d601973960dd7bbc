/** /pro/parametres/horaires: « Horaires d'ouverture » per place of consultation, the week with its breaks (J1). */
import { useState } from 'react';
import type { OutsideHours } from '../../api-practice.ts';
import { SectionStatus } from '../../components/account/SectionStatus.tsx';
import { OpeningHoursForm } from '../../components/practice/OpeningHoursForm.tsx';
import { OutsideHoursAfterChange } from '../../components/practice/OutsideHoursList.tsx';
import { SettingsPage, type SettingsContext } from '../../components/practice/SettingsFrame.tsx';
import { useI18n } from '../../i18n.tsx';
import { Link } from '../../router.tsx';

export function OpeningHoursPage() {
  const { t } = useI18n();
  return (
    <SettingsPage title={t('web.practice.settings.hours')} lead={t('web.practice.hours.lead')}>
      {(context) => <OpeningHours context={context} />}
    </SettingsPage>
  );
}

function OpeningHours({ context }: { context: SettingsContext }) {
  const { t } = useI18n();
  const { acting, settings, update, canEdit } = context;
  const [placeId, setPlaceId] = useState(settings.places[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [outside, setOutside] = useState<OutsideHours[] | null>(null);
  const place = settings.places.find((p) => p.id === placeId);
  if (!settings.places.length) return <p>{t('web.practice.hours.no_place')} <Link to="/pro/parametres/lieux">{t('web.practice.settings.places')}</Link></p>;
  if (!settings.reasons.length) return <p>{t('web.practice.hours.no_reason')} <Link to="/pro/parametres/motifs">{t('web.practice.settings.reasons')}</Link></p>;
  const placeName = place ? place.name ?? place.address : '';
  return (
    <div className="settings-list">
      {settings.places.length > 1 ? (
        <div className="form-field place-choice">
          <label htmlFor="hours-place" className="field-label">{t('web.practice.booking.place')}</label>
          <select id="hours-place" value={placeId} onChange={(event) => { setPlaceId(event.target.value); setDone(null); setOutside(null); }}>
            {settings.places.map((p) => <option key={p.id} value={p.id}>{p.name ?? p.address}</option>)}
          </select>
        </div>
      ) : <p className="place-single">{t('web.practice.hours.place', { place: placeName })}</p>}
      <SectionStatus message={done} />
      <OutsideHoursAfterChange appointments={outside} places={settings.places} />
      {place ? (
        <OpeningHoursForm key={place.id} practitionerId={acting.id} placeId={place.id} placeName={placeName}
          rules={settings.openingHours.filter((rule) => rule.placeId === place.id)} reasons={settings.reasons} canEdit={canEdit}
          onSaved={(rules, outsideHours) => {
            update((current) => ({ ...current, openingHours: [...current.openingHours.filter((r) => r.placeId !== place.id), ...rules] }));
            setDone(t('web.practice.hours.saved', { place: placeName }));
            setOutside(outsideHours);
          }} />
      ) : null}
    </div>
  );
}
