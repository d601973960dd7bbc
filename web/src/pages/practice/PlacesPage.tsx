/**
 * /pro/parametres/lieux: « Lieux de consultation » — address, phone, and each place's online booking switch (off:
 * the place disappears from patients' search and calendars, its appointments stay).
 */
import { useRef, useState } from 'react';
import { addPlace, changePlace, type Place, type PlaceInput } from '../../api-practice.ts';
import { SectionStatus } from '../../components/account/SectionStatus.tsx';
import { PlaceForm } from '../../components/practice/PlaceForm.tsx';
import { SettingsPage, type SettingsContext } from '../../components/practice/SettingsFrame.tsx';
import { usePracticeSubmission } from '../../components/practice/usePractice.ts';
import { ErrorSummary } from '../../components/account/ErrorSummary.tsx';
import { formatPhone } from '../../format.ts';
import { useI18n } from '../../i18n.tsx';

export function PlacesPage() {
  const { t } = useI18n();
  return (
    <SettingsPage title={t('web.practice.settings.places')} lead={t('web.practice.places.lead')}>
      {(context) => <Places context={context} />}
    </SettingsPage>
  );
}

function Places({ context }: { context: SettingsContext }) {
  const { t, lang } = useI18n();
  const { acting, settings, update, canEdit } = context;
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const switching = usePracticeSubmission();
  const addButton = useRef<HTMLButtonElement>(null);

  const replace = (place: Place) => update((current) => ({ ...current, places: current.places.map((p) => (p.id === place.id ? place : p)) }));

  const added = async (input: PlaceInput) => {
    const { place } = await addPlace(acting.id, input, lang);
    update((current) => ({ ...current, places: [...current.places, place] }));
    setEditing(null);
    setDone(t('web.practice.places.added'));
    addButton.current?.focus();
  };

  const changed = (id: string) => async (input: PlaceInput) => {
    replace((await changePlace(acting.id, id, input, lang)).place);
    setEditing(null);
    setDone(t('web.practice.saved'));
  };

  const switchOnline = (place: Place) => {
    setDone(null);
    void switching.submit([], async () => {
      const next = (await changePlace(acting.id, place.id, { onlineBooking: !place.onlineBooking }, lang)).place;
      replace(next);
      setDone(t(next.onlineBooking ? 'web.practice.places.online_on' : 'web.practice.places.online_off', { place: next.name ?? next.address }));
    });
  };

  return (
    <div className="settings-list">
      <SectionStatus message={done} />
      <ErrorSummary submission={switching} />
      <ul className="settings-cards">
        {settings.places.map((place) => {
          const name = place.name ?? place.address;
          return (
            <li key={place.id}>
              <article className="practice-card" aria-labelledby={`place-${place.id}`}>
                <h2 id={`place-${place.id}`}>{name}</h2>
                <p>{place.address}, {place.postalCode} {place.city}</p>
                {place.phone ? <p><a href={`tel:${place.phone}`}>{formatPhone(place.phone)}</a></p> : null}
                <p className={place.onlineBooking ? 'online-state is-on' : 'online-state is-off'}>
                  {t(place.onlineBooking ? 'web.practice.places.online_state_on' : 'web.practice.places.online_state_off')}
                </p>
                {canEdit && editing !== place.id ? (
                  <div className="button-row">
                    <button type="button" className="button button-secondary" aria-pressed={place.onlineBooking} disabled={switching.busy}
                      onClick={() => switchOnline(place)}>
                      {t('web.practice.places.online_booking')}<span className="sr-only"> – {name}</span>
                    </button>
                    <button type="button" className="button button-secondary" onClick={() => { setDone(null); setEditing(place.id); }}>
                      {t('web.practice.edit')}<span className="sr-only"> – {name}</span>
                    </button>
                  </div>
                ) : null}
                {editing === place.id ? (
                  <PlaceForm place={place} idPrefix={`place-form-${place.id}`} title={t('web.practice.places.edit_title', { place: name })}
                    save={changed(place.id)} onCancel={() => setEditing(null)} />
                ) : null}
              </article>
            </li>
          );
        })}
      </ul>
      {canEdit ? (
        editing === 'new' ? (
          <PlaceForm idPrefix="new-place" title={t('web.practice.places.add')} save={added} onCancel={() => setEditing(null)} />
        ) : (
          <button ref={addButton} type="button" className="button button-primary" onClick={() => { setDone(null); setEditing('new'); }}>
            {t('web.practice.places.add')}
          </button>
        )
      ) : null}
    </div>
  );
}
