/**
 * Patients of the practitioner space (SPEC J3, J4, E4): search [view], files created and corrected [book], blocks and
 * notifications switched off per patient [manage_patients].
 */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureRoutes } from '../../platform/http/app.ts';
import { requirePractitionerRight } from '../practice-auth/index.ts';
import { createPatientFile, searchPatients, updatePatientFile, updatePatientSwitches } from './patient-files.ts';
import {
  pathId, patientCardSchema, patientFileInputSchema, patientFilePatchSchema, patientsQuerySchema, patientSwitchesSchema, refusals,
} from './schemas.ts';

const practitionerParams = z.object({ practitionerId: pathId });
const patientAnswer = z.object({ patient: patientCardSchema });

export const patientRoutes: FeatureRoutes = (app, context) => {
  const { db, now } = context;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/patients', {
    schema: {
      summary: 'The practitioner’s patient files and Créneau patients, by name, email or phone (20 at most)',
      tags: ['practice'], params: practitionerParams, querystring: patientsQuerySchema,
      response: { 200: z.object({ patients: z.array(patientCardSchema) }), ...refusals },
    },
  }, async (request) => ({ patients: await searchPatients(db, request.params.practitionerId, request.query.q) }));

  api.post('/patient-files', {
    config: { practiceRight: 'book' },
    schema: {
      summary: 'Open a patient file (linked to a Créneau patient when contacts and name match, J3)',
      tags: ['practice'], params: practitionerParams, body: patientFileInputSchema,
      response: { 200: patientAnswer, 201: patientAnswer, ...refusals },
    },
  }, async (request, reply) => {
    const { patient, created } = await createPatientFile(db, request.params.practitionerId, request.body, now());
    return reply.status(created ? 201 : 200).send({ patient });
  });

  api.patch('/patient-files/:fileId', {
    schema: {
      summary: 'Correct a patient file [book]; block, unblock, notifications off [manage_patients]',
      tags: ['practice'], params: practitionerParams.extend({ fileId: pathId }), body: patientFilePatchSchema,
      response: { 200: patientAnswer, ...refusals },
    },
  }, async (request) => {
    const { practitionerId, fileId } = request.params;
    const { blocked, notificationsOff, ...identity } = request.body;
    if (Object.keys(identity).length) await requirePractitionerRight(request, context, practitionerId, 'book');
    if (blocked !== undefined || notificationsOff !== undefined) {
      await requirePractitionerRight(request, context, practitionerId, 'manage_patients');
    }
    return { patient: await updatePatientFile(db, practitionerId, fileId, request.body, now()) };
  });

  api.patch('/patients/:patientId', {
    config: { practiceRight: 'manage_patients' },
    schema: {
      summary: 'Block, unblock or switch notifications off for a Créneau patient of this agenda (J4, E4)',
      tags: ['practice'], params: practitionerParams.extend({ patientId: pathId }), body: patientSwitchesSchema,
      response: { 200: patientAnswer, ...refusals },
    },
  }, async (request) => {
    const { practitionerId, patientId } = request.params;
    return { patient: await updatePatientSwitches(db, practitionerId, patientId, request.body, now()) };
  });
};
