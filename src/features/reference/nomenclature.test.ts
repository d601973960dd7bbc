import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROFESSIONS, SPECIALTIES, REASON_KINDS, professionByCode, reasonKindsFor, reimbursementRateOf, specialtyBySlug,
} from './nomenclature.ts';

test('every specialty belongs to a listed profession and has a unique code and slug', () => {
  for (const s of SPECIALTIES) assert.ok(professionByCode(s.profession_code), s.code);
  assert.equal(new Set(SPECIALTIES.map((s) => s.code)).size, SPECIALTIES.length);
  assert.equal(new Set(SPECIALTIES.map((s) => s.slug)).size, SPECIALTIES.length);
});

test('slugs are lower-case ASCII words joined by hyphens, usable in URLs', () => {
  for (const s of SPECIALTIES) assert.match(s.slug, /^[a-z]+(-[a-z]+)*$/, s.slug);
});

test('every reason kind has a unique code and points to a listed specialty or to none', () => {
  assert.equal(new Set(REASON_KINDS.map((r) => r.code)).size, REASON_KINDS.length);
  const codes = new Set(SPECIALTIES.map((s) => s.code));
  for (const r of REASON_KINDS) assert.ok(r.specialty_code === null || codes.has(r.specialty_code), r.code);
});

test('a patient finds at least four reasons for every specialty', () => {
  for (const s of SPECIALTIES) assert.ok(reasonKindsFor(s.code).length >= 4, s.code);
});

test('a sports certificate is never a video consultation (G1)', () => {
  const certificate = REASON_KINDS.find((r) => r.code === 'sports-certificate');
  assert.equal(certificate?.video, false);
});

test('birth preparation is a group session with several patients per slot', () => {
  const session = REASON_KINDS.find((r) => r.code === 'birth-preparation');
  assert.ok(session && session.capacity > 1);
});

test('doctors, dentists and midwives are reimbursed at 70 %, auxiliaries at 60 % (B6)', () => {
  assert.equal(reimbursementRateOf(specialtyBySlug('ophtalmologue')!.code), 70);
  assert.equal(reimbursementRateOf(specialtyBySlug('chirurgien-dentiste')!.code), 70);
  assert.equal(reimbursementRateOf(specialtyBySlug('sage-femme')!.code), 70);
  assert.equal(reimbursementRateOf(specialtyBySlug('masseur-kinesitherapeute')!.code), 60);
  for (const p of PROFESSIONS) assert.equal(p.reimbursement_rate, p.kind === 'auxiliary' ? 60 : 70, p.code);
});

test('a general practitioner consultation costs 30 € and its video consultation 25 €', () => {
  const gp = specialtyBySlug('medecin-generaliste');
  assert.equal(gp?.fees.base_cents, 3000);
  assert.equal(gp?.fees.video_cents, 2500);
});

test('the 8-day rule is switched on for ophthalmology and off for general practice (C6)', () => {
  assert.equal(specialtyBySlug('ophtalmologue')?.eight_day_rule, true);
  assert.equal(specialtyBySlug('medecin-generaliste')?.eight_day_rule, false);
});
