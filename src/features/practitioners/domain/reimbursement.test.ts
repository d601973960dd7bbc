import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../../platform/i18n/catalogue.ts';
import type { Sector } from '../../../platform/db/schema.ts';
import { explainSector, flatParticipationCents, type ProfessionKind } from './reimbursement.ts';

const today = new Date('2026-03-02T10:00:00Z');

describe('practitioners domain: what the sector means for reimbursement (B6)', () => {
  const doctorSectors: [Sector, string][] = [
    ['1', 'none'], ['2', 'free'], ['2-optam', 'limited'], ['2-optam-co', 'limited'], ['non-conventionne', 'not-covered'],
  ];
  for (const [sector, overruns] of doctorSectors) {
    it(`explains a doctor in sector ${sector}: 70 %, overruns ${overruns}, 2 € flat participation`, () => {
      const explanation = explainSector(sector, 'doctor', today);
      assert.deepEqual(explanation, {
        rate: 70, overruns, explanationKey: `sector.${sector}.explanation`, flatParticipationCents: 200,
      });
    });
  }

  const conventionne: [ProfessionKind, number][] = [['dentist', 70], ['midwife', 70], ['auxiliary', 60]];
  for (const [kind, rate] of conventionne) {
    it(`explains a « conventionné » ${kind}: ${rate} % of the base tariff, no overruns, no flat participation`, () => {
      assert.deepEqual(explainSector('conventionne', kind, today), {
        rate, overruns: 'none', explanationKey: `sector.conventionne.${kind}.explanation`, flatParticipationCents: null,
      });
    });
  }

  it('reimburses an auxiliary outside the convention at 60 % of the « tarif d’autorité » only', () => {
    assert.deepEqual(explainSector('non-conventionne', 'auxiliary', today),
      { rate: 60, overruns: 'not-covered', explanationKey: 'sector.non-conventionne.explanation', flatParticipationCents: null });
  });

  it('counts 1 € of flat participation before 15 May 2024 and 2 € from that day (Paris time)', () => {
    assert.equal(flatParticipationCents('doctor', new Date('2024-05-14T21:59:59Z')), 100);
    assert.equal(flatParticipationCents('doctor', new Date('2024-05-14T22:00:00Z')), 200);
  });

  it('has an explanation in French and English for every sector and profession', () => {
    const sectors: Sector[] = ['1', '2', '2-optam', '2-optam-co', 'conventionne', 'non-conventionne'];
    const kinds: ProfessionKind[] = ['doctor', 'dentist', 'midwife', 'auxiliary'];
    for (const sector of sectors) {
      for (const kind of kinds) {
        const { explanationKey } = explainSector(sector, kind, today);
        for (const lang of ['fr', 'en'] as const) {
          assert.notEqual(translate(lang, explanationKey), explanationKey, `${lang} ${explanationKey}`);
        }
      }
    }
  });

  it('writes in the doctors’ explanations the flat participation the domain charges', () => {
    for (const sector of ['1', '2', '2-optam', '2-optam-co'] as const) {
      const { explanationKey, flatParticipationCents: cents } = explainSector(sector, 'doctor', today);
      assert.match(translate('fr', explanationKey), new RegExp(`participation forfaitaire de ${cents! / 100} €`));
      assert.match(translate('en', explanationKey), new RegExp(`€${cents! / 100} flat participation`));
    }
  });

  it('tells that overruns are never reimbursed by the Sécurité sociale, in every sector that allows them', () => {
    for (const sector of ['1', '2', '2-optam', '2-optam-co'] as const) {
      assert.match(translate('fr', explainSector(sector, 'doctor', today).explanationKey), /jamais remboursés par la Sécurité sociale/);
    }
  });
});
