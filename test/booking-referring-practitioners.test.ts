/** « Quel est le praticien qui vous adresse ? » (C5): GET /api/referring-practitioners?q= */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { insertAgenda } from '../src/features/availability/agenda-fixtures.ts';
import { bookingWorld, type BookingWorld } from './support/booking.ts';

describe('choosing the referring practitioner', () => {
  let w: BookingWorld;

  before(async () => {
    w = await bookingWorld();
    const named = async (firstName: string, lastName: string) => {
      const agenda = await insertAgenda(w.t.db);
      await w.t.db.updateTable('practitioners').set({ first_name: firstName, last_name: lastName }).where('id', '=', agenda.practitionerId).execute();
      return agenda.practitionerId;
    };
    await named('Élodie', 'Bérard');
    await named('Jean-Marc', 'Lefèvre');
    for (let i = 0; i < 12; i++) await named('Paul', `Grandjean${String.fromCharCode(97 + i)}`);
  });
  after(async () => w.close());

  const search = async (q: string, lang = 'fr') => {
    const res = await w.app.inject({ method: 'GET', url: `/api/referring-practitioners?q=${encodeURIComponent(q)}`, headers: { 'accept-language': lang } });
    assert.equal(res.statusCode, 200);
    return res.json().practitioners as { id: string; name: string; specialty: string; city: string | null }[];
  };

  it('finds a practitioner by name whatever the accents and case, with specialty and city', async () => {
    const [found] = await search('elodie berard');
    assert.equal(found?.name, 'Dr Élodie Bérard');
    assert.equal(found?.specialty, 'Médecin généraliste');
    assert.equal(found?.city, 'Nantes');
    assert.equal((await search('Dr LEFEVRE'))[0]?.name, 'Dr Jean-Marc Lefèvre');
  });

  it('answers the specialty in English when asked', async () => {
    assert.equal((await search('berard', 'en'))[0]?.specialty, 'General practitioner');
  });

  it('lists at most 10 practitioners', async () => {
    assert.equal((await search('grandjean')).length, 10);
  });

  it('answers nothing for text shorter than 3 characters or matching nobody', async () => {
    assert.deepEqual(await search('be'), []);
    assert.deepEqual(await search(''), []);
    assert.deepEqual(await search('zzzzqqq'), []);
  });
});
