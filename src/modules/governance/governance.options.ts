/** The governance's records as choices in a form, for any record kind that refers to them. */
import type { FastifyRequest } from 'fastify';
import type { Option } from '../../records/fields.js';
import type { Governance } from './governance.service.js';

const choices = (list: (governance: Governance) => { id: string; naam: string }[]) => async (request: FastifyRequest): Promise<Option[]> =>
  list(await request.server.services.governance.get(request.gemeente)).map((record) => ({ value: record.id, label: record.naam }));

export const gremiumOptions = choices((g) => g.gremia);
export const organisatieOptions = choices((g) => g.organisaties);
export const persoonOptions = choices((g) => g.personen);
