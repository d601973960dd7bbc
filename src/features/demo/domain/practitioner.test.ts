import { test } from 'node:test';
import assert from 'node:assert/strict';
import { horizonFrom } from './agenda.ts';
import { buildAtlas, distanceKm, drawCommune, type DemoCommune } from './geography.ts';
import { luhnCheckDigit, rppsFor } from './people.ts';
import { emptyCounters, generatePractitioner, type DemoPractitioner, type DemoWorld } from './practitioner.ts';
import { createRandom } from './random.ts';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from '../names/first-names.ts';
import { SURNAMES } from '../names/surnames.ts';

const commune = (code: string, name: string, population: number, latitude: number, longitude: number): DemoCommune => ({
  code, name, departement: code.slice(0, code.startsWith('97') ? 3 : 2), postalCodes: [`${code.slice(0, 2)}000`],
  population, latitude, longitude,
});

const COMMUNES: DemoCommune[] = [
  commune('75056', 'Paris', 2_100_000, 48.8534, 2.3488),
  commune('92012', 'Boulogne-Billancourt', 120_000, 48.8352, 2.2410),
  commune('69123', 'Lyon', 520_000, 45.7491, 4.8479),
  ...Array.from({ length: 50 }, (_, i) => commune(`01${String(100 + i)}`, `Village ${i}`, 300, 46 + i * 0.01, 5 + i * 0.01)),
  commune('97411', 'Saint-Denis', 150_000, -20.88, 55.45),
];
const NOW = new Date('2026-02-02T07:00:00Z'); // a Monday, 08:00 in Paris; four weeks without a clock change
const HOLIDAY = '2026-02-10';

function world(seed = 1): DemoWorld {
  return { seed, atlas: buildAtlas(COMMUNES), horizon: horizonFrom(NOW, 28, new Map([['metropole', new Set([HOLIDAY])]])) };
}

function generate(count: number, seed = 1): DemoPractitioner[] {
  const w = world(seed);
  const ids = emptyCounters();
  return Array.from({ length: count }, (_, i) => generatePractitioner(w, i, ids));
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const parisDate = (ms: number) => new Date(ms + 3_600_000).toISOString().slice(0, 10); // February: UTC+1

test('the same seed gives the same practitioners, agendas included', () => {
  assert.deepEqual(generate(30, 7), generate(30, 7));
});

test('another seed gives other practitioners', () => {
  const names = (list: DemoPractitioner[]) => list.map((p) => `${p.practitioner.firstName} ${p.practitioner.lastName}`);
  assert.notDeepEqual(names(generate(30, 7)), names(generate(30, 8)));
});

test('practitioner n is the same person whatever was generated before it', () => {
  const alone = generatePractitioner(world(3), 12, emptyCounters()).practitioner;
  const afterOthers = generate(13, 3)[12]!.practitioner;
  assert.deepEqual(afterOthers, alone);
});

test('practitioners land in communes in proportion to population, and never overseas', () => {
  const atlas = buildAtlas(COMMUNES);
  const random = createRandom(1);
  const counts = new Map<string, number>();
  for (let i = 0; i < 20_000; i++) {
    const c = drawCommune(random, atlas);
    counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  }
  const metropolitan = 2_100_000 + 120_000 + 520_000 + 50 * 300;
  const parisExpected = (20_000 * 2_100_000) / metropolitan;
  assert.ok(Math.abs(counts.get('Paris')! - parisExpected) < parisExpected * 0.05, `Paris ${counts.get('Paris')}`);
  assert.ok((counts.get('Village 0') ?? 0) < 10);
  assert.equal(counts.get('Saint-Denis'), undefined);
});

test('RPPS numbers have 11 digits, a valid key, and never repeat', () => {
  const numbers = Array.from({ length: 20_000 }, (_, i) => rppsFor(i, 12345));
  assert.equal(new Set(numbers).size, numbers.length);
  for (const rpps of numbers.slice(0, 500)) {
    assert.match(rpps, /^10\d{9}$/);
    assert.equal(Number(rpps[10]), luhnCheckDigit(rpps.slice(0, 10)));
  }
});

test('name lists are large and include accented, particle and apostrophe surnames', () => {
  assert.ok(FEMALE_FIRST_NAMES.length >= 150 && MALE_FIRST_NAMES.length >= 150);
  assert.ok(SURNAMES.length >= 300);
  const surnames = new Set(SURNAMES.map(([name]) => name));
  for (const name of ['Lefèvre', 'Le Goff', 'Dupont', "N'Diaye"]) assert.ok(surnames.has(name), name);
});

test('doctors and dentists are « Dr » (or « Pr »), other professions have no title', () => {
  for (const { practitioner } of generate(300)) {
    const titled = practitioner.professionCode === '10' || practitioner.professionCode === '40';
    if (titled) assert.ok(practitioner.title === 'DR' || practitioner.title === 'PR');
    else assert.equal(practitioner.title, null);
  }
});

test('sectors 1 and 2 are for doctors; other professions are conventionné or not', () => {
  for (const { practitioner } of generate(300)) {
    if (practitioner.professionCode !== '10') assert.ok(['conventionne', 'non-conventionne'].includes(practitioner.sector));
    else assert.ok(practitioner.sector !== 'conventionne');
  }
});

test('a GP in sector 1 charges 30 € a consultation and 25 € a teleconsultation; sector 2 charges more', () => {
  const gps = generate(600).filter((p) => p.practitioner.specialtyCode === 'SM54');
  const sector1 = gps.filter((p) => p.practitioner.sector === '1');
  assert.ok(sector1.length > 10);
  for (const gp of sector1) {
    assert.equal(gp.reasons[0]!.priceCents, 3000);
    for (const reason of gp.reasons.filter((r) => r.video)) assert.equal(reason.priceCents, 2500);
  }
  for (const gp of gps.filter((p) => p.practitioner.sector === '2')) assert.ok(gp.reasons[0]!.priceCents > 3000);
});

test('a paediatrician does not see patients over 18', () => {
  const paediatricians = generate(2000).filter((p) => p.practitioner.specialtyCode === 'SM39');
  assert.ok(paediatricians.length > 0);
  for (const p of paediatricians) for (const reason of p.reasons) assert.ok(reason.maxAgeYears !== null && reason.maxAgeYears <= 18);
});

test('every practitioner has a place and an online-bookable main reason offered by an opening rule', () => {
  for (const p of generate(300)) {
    assert.ok(p.places.length >= 1 && p.places.length <= 2);
    assert.ok(p.reasons.length >= 2 && p.reasons.length <= 5, `${p.reasons.length} reasons`);
    const main = p.reasons[0]!;
    assert.ok(main.onlineBookable);
    assert.ok(p.rules.some((rule) => rule.reasonIds.includes(main.id)));
  }
});

test('opening rules of one practitioner never overlap, even across places', () => {
  for (const p of generate(300)) {
    for (const a of p.rules) {
      for (const b of p.rules) {
        if (a === b || a.weekday !== b.weekday) continue;
        assert.ok(minutes(a.endTime) <= minutes(b.startTime) || minutes(b.endTime) <= minutes(a.startTime));
      }
    }
  }
});

test('a second place is in a town nearby', () => {
  const atlas = new Map(COMMUNES.map((c) => [c.code, c]));
  for (const p of generate(300).filter((x) => x.places.length === 2)) {
    assert.ok(distanceKm(atlas.get(p.places[0]!.communeCode)!, atlas.get(p.places[1]!.communeCode)!) <= 25);
  }
});

test('appointments are in the future, inside opening hours, off holidays and absences, and never overlap', () => {
  for (const p of generate(200)) {
    const sorted = [...p.appointments].sort((a, b) => a.startsAt - b.startsAt);
    sorted.forEach((appointment, i) => {
      assert.ok(appointment.startsAt > NOW.getTime());
      assert.ok(appointment.startsAt < NOW.getTime() + 28 * 86_400_000);
      assert.notEqual(parisDate(appointment.startsAt), HOLIDAY);
      for (const absence of p.absences) assert.ok(appointment.endsAt <= absence.startsAt || appointment.startsAt >= absence.endsAt);
      const next = sorted[i + 1];
      if (next && next.slotGroup !== appointment.slotGroup) assert.ok(appointment.endsAt <= next.startsAt);
      const start = new Date(appointment.startsAt + 3_600_000);
      const startMinutes = start.getUTCHours() * 60 + start.getUTCMinutes();
      const weekday = start.getUTCDay() || 7;
      assert.ok(p.rules.some((rule) => rule.weekday === weekday && rule.placeId === appointment.placeId
        && rule.reasonIds.includes(appointment.reasonId) && minutes(rule.startTime) <= startMinutes
        && startMinutes + (appointment.endsAt - appointment.startsAt) / 60_000 <= minutes(rule.endTime)));
    });
  }
});

test('a group session gathers several patients on one slot, never beyond its capacity', () => {
  const groups = new Map<string, { count: number; capacity: number }>();
  for (const p of generate(2000)) {
    for (const appointment of p.appointments) {
      const reason = p.reasons.find((r) => r.id === appointment.reasonId)!;
      if (reason.capacity === 1) continue;
      const entry = groups.get(appointment.slotGroup) ?? { count: 0, capacity: reason.capacity };
      entry.count++;
      groups.set(appointment.slotGroup, entry);
    }
  }
  assert.ok(groups.size > 0);
  assert.ok([...groups.values()].some((g) => g.count > 1));
  for (const g of groups.values()) assert.ok(g.count <= g.capacity);
});

test('every phone number of practitioners and places is in a block ARCEP reserves for fiction', () => {
  const fiction = /^\+33(19900|26191|35301|46571|53649|63998)\d{4}$/;
  const practitioners = generate(300, 4);
  const phones = practitioners.flatMap((p) => [p.practitioner.phone, ...p.places.map((place) => place.phone)]);
  assert.ok(phones.some((phone) => phone?.startsWith('+3363998')) && phones.some((phone) => phone?.startsWith('+3319900')));
  for (const phone of phones) if (phone !== null) assert.match(phone, fiction);
});
