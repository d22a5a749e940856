/**
 * The record kinds of the agenda: the uitvoeringsagenda itself, its ambities, actielijnen with their focusdoelen and
 * betrokkenen, and the OAB-afspraken. Each is one declaration; pages, API, locking, audit and tenant scope come from
 * src/records.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actielijn, agendaStatusEnum, ambitie, betrokkene, focusdoel, gremium, MAX_FOCUSDOELEN_PER_ACTIELIJN, oabAfspraak, oabCategorie, organisatie, uitvoeringsagenda } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { FieldError, HttpError, RefusedError } from '../../lib/errors.js';
import { joinDutch } from '../../lib/join-dutch.js';
import { pick } from '../../lib/pick.js';
import { checkboxes, code, date, lines, reference, requiredText, select, text, wholeNumber } from '../../records/fields.js';
import { defineRecordKind, type LoadedRecord } from '../../records/record-kind.js';
import type { Crumb } from '../../views/layout.js';
import {
  actielijnNummerInGebruik,
  categorieNaam,
  findAmbitieByCode,
  findCurrentAgenda,
  listActielijnAmbities,
  listActielijnenOfAmbitie,
  listActiveFocusdoelen,
  listSubpunten,
  lockCategorie,
  lockChosenAmbities,
  nextNumber,
  nummerInGebruik,
  replaceActielijnAmbities,
  replaceSubpunten,
  unlinkAmbitie,
  type AmbitieVerwijzing,
} from './agenda-edit.repository.js';
import { ActielijnGegevensSchema, AmbitieSchema, BetrokkeneSchema, FocusdoelSchema, OabAfspraakSchema, UitvoeringsagendaSchema } from './agenda.schemas.js';
import { toUitvoeringsagenda } from './agenda.api.js';
import type { Agenda } from './agenda.service.js';
import { gremiumOptions, organisatieOptions } from '../governance/governance.options.js';
import { ActielijnSections } from './views/edit-pages.js';

const agendaOf = (request: FastifyRequest): Promise<Agenda> => request.server.services.agenda.get(request.gemeente);
const home: Crumb = { href: '/', label: t('nav.home') };
const oabCrumbs: Crumb[] = [home, { href: '/oab-afspraken', label: t('oab.kort') }];
const nummerOf = (record: LoadedRecord | undefined) => Number((record as LoadedRecord<unknown, { nummer: number }> | undefined)?.values.nummer ?? 0);
const actielijnCrumbs = (actielijn: LoadedRecord): Crumb[] => [
  home,
  { href: `/actielijnen/${nummerOf(actielijn)}`, label: t('actielijn.titel', { nummer: nummerOf(actielijn) }) },
  { href: `/actielijnen/${nummerOf(actielijn)}/bewerken`, label: t('bewerken.kort') },
];
const statusOptions = () => agendaStatusEnum.enumValues.map((status) => ({ value: status, label: t(`status.${status}`) }));

/** The gemeente as it is now: after a change, the answer is built from the new data version. */
async function freshAgenda(request: FastifyRequest): Promise<Agenda> {
  const gemeente = (await request.server.services.gemeenten.list()).find((g) => g.id === request.gemeente.id) ?? request.gemeente;
  return request.server.services.agenda.get(gemeente);
}

const prose = (label: 'agendaBewerken.veldVoorwoord' | 'agendaBewerken.veldEvaluatie' | 'agendaBewerken.veldStuurgroep', hint: 'agendaBewerken.voorwoordHint' | 'agendaBewerken.evaluatieHint' | 'agendaBewerken.stuurgroepHint') =>
  text({ label, hint, widget: 'textarea', rows: 8, max: 20_000 });
const periodeDate = (label: 'agendaBewerken.veldBegin' | 'agendaBewerken.veldEind') =>
  date({ label, hint: 'agendaBewerken.datumHint', invalid: 'agendaBewerken.datumOngeldig', empty: 'agendaBewerken.datumLeeg' });

export const uitvoeringsagendaKind = defineRecordKind({
  name: 'uitvoeringsagenda',
  table: uitvoeringsagenda,
  permission: 'agenda.bewerken',
  notFound: 'api.uitvoeringsagendaNietGevonden',
  operations: { create: false, archive: false },
  fields: {
    titel: requiredText({ label: 'agendaBewerken.veldTitel', empty: 'agendaBewerken.titelLeeg', max: 300 }),
    periodeStart: periodeDate('agendaBewerken.veldBegin'),
    periodeEind: periodeDate('agendaBewerken.veldEind'),
    status: select({ label: 'agendaBewerken.veldStatus', hint: 'agendaBewerken.statusHint', values: agendaStatusEnum.enumValues, invalid: 'agendaBewerken.statusOnbekend', options: statusOptions }),
    overkoepelendThema: text({ label: 'agendaBewerken.veldThema', hint: 'agendaBewerken.themaHint', max: 200 }),
    voorwoord: prose('agendaBewerken.veldVoorwoord', 'agendaBewerken.voorwoordHint'),
    evaluatie: prose('agendaBewerken.veldEvaluatie', 'agendaBewerken.evaluatieHint'),
    stuurgroepToelichting: prose('agendaBewerken.veldStuurgroep', 'agendaBewerken.stuurgroepHint'),
  },
  describe: (record) => `Uitvoeringsagenda ${record.values.titel}`,
  rules: {
    check: (values) => (values.periodeStart && values.periodeEind && values.periodeEind < values.periodeStart ? { field: 'periodeEind', message: t('agendaBewerken.eindVoorBegin') } : undefined),
  },
  pages: {
    base: '/uitvoeringsagendas',
    title: (record) => t('agendaBewerken.titel', { titel: record?.values.titel ?? '' }),
    crumbs: () => [home],
    cancel: () => '/',
  },
  api: {
    path: '/uitvoeringsagendas',
    tag: 'Uitvoeringsagenda',
    operation: 'Uitvoeringsagenda',
    noun: 'een uitvoeringsagenda',
    schema: UitvoeringsagendaSchema,
    toApi: async (record, request) => {
      const agenda = await freshAgenda(request);
      const ua = agenda.uitvoeringsagendas.find((a) => a.id === record.id)!;
      return toUitvoeringsagenda(ua, agenda);
    },
    notes: { update: 'Welke agenda geldt, volgt uit de status: de nieuwste vastgestelde.' },
    example: { titel: 'Uitvoeringsagenda 2025-2026', periodeStart: '2025-09-01', periodeEind: '2026-12-31', status: 'vastgesteld', overkoepelendThema: 'inclusie' },
  },
});

/** A code that another ambitie of the visiedocument has (archived ones count: the unique constraint counts them). */
async function refuseTakenCode(tx: Parameters<typeof findAmbitieByCode>[0], gemeenteId: string, visiedocumentId: string, code: string, exceptId?: string) {
  const clash = await findAmbitieByCode(tx, gemeenteId, visiedocumentId, code, exceptId);
  if (clash) throw new FieldError('code', t(clash.gearchiveerdOp ? 'ambitieBewerken.codeGearchiveerd' : 'ambitieBewerken.codeBestaat', { code }));
}

export const ambitieKind = defineRecordKind({
  name: 'ambitie',
  table: ambitie,
  permission: 'agenda.bewerken',
  notFound: 'api.ambitieNietGevonden',
  fields: {
    naam: requiredText({ label: 'ambitieBewerken.veldNaam', empty: 'ambitieBewerken.naamLeeg', max: 200 }),
    code: code({ label: 'ambitieBewerken.veldCode', hint: 'ambitieBewerken.codeHint', max: 80, empty: 'ambitieBewerken.codeLeeg', invalid: 'ambitieBewerken.codeVorm' }),
    omschrijving: requiredText({ label: 'ambitieBewerken.veldOmschrijving', empty: 'ambitieBewerken.omschrijvingLeeg', max: 4000, widget: 'textarea' }),
    volgorde: wholeNumber({
      label: 'ambitieBewerken.veldVolgorde',
      hint: 'ambitieBewerken.volgordeHint',
      createHint: 'ambitieBewerken.volgordeHintNieuw',
      min: 1,
      max: 999,
      invalid: 'ambitieBewerken.volgordeOngeldig',
      empty: 'ambitieBewerken.volgordeLeeg',
      nullable: 'create',
    }),
  },
  describe: (record) => `Ambitie ${record.values.naam}`,
  rules: {
    async beforeCreate({ tx, gemeenteId }, input) {
      const visiedocumentId = (await findCurrentAgenda(tx, gemeenteId))?.visiedocumentId;
      if (!visiedocumentId) throw new HttpError(409, 'Conflict', t('ambitieBewerken.geenVisiedocument'));
      await refuseTakenCode(tx, gemeenteId, visiedocumentId, input.code!);
      return { columns: { visiedocumentId, volgorde: input.volgorde ?? (await nextNumber(tx, gemeenteId, 'ambitie', { visiedocumentId })) } };
    },
    async beforeUpdate({ tx, gemeenteId }, before, values) {
      if (values.code !== before.values.code) await refuseTakenCode(tx, gemeenteId, before.row.visiedocumentId, values.code!, before.id);
    },
    /** Refused while it is the only ambitie of an actielijn; otherwise the actielijnen that serve others lose just this one. */
    async beforeArchive({ tx, gemeenteId }, before) {
      const actielijnen = await listActielijnenOfAmbitie(tx, gemeenteId, before.id);
      const alleenDeze = actielijnen.filter((al) => al.ambities <= 1).map((al) => al.nummer);
      if (alleenDeze.length > 0) {
        const key = alleenDeze.length === 1 ? 'ambitieBewerken.nogNodig.een' : 'ambitieBewerken.nogNodig.meer';
        throw new RefusedError(t('ambitieBewerken.nogNodig.titel'), t(key, { nummers: joinDutch(alleenDeze) }));
      }
      await unlinkAmbitie(tx, gemeenteId, before.id);
      return { voor: { actielijnen: actielijnen.map((al) => al.nummer) }, na: { actielijnen: [] } };
    },
    unique: [{ constraint: 'ambitie_code_per_visie', field: 'code', message: (values) => t('ambitieBewerken.codeBestaat', { code: String(values.code) }) }],
  },
  pages: {
    base: '/ambities',
    title: (record) => (record ? t('ambitieBewerken.titel', { naam: record.values.naam }) : t('ambitieBewerken.nieuwTitel')),
    crumbs: () => [home],
    cancel: () => '/#ambities',
    createdNotice: 'ambitieBewerken.toegevoegd',
    archive: {
      style: 'confirm',
      button: 'ambitieBewerken.archiveren',
      explanation: 'ambitieBewerken.archiverenUitleg',
      question: 'ambitieBewerken.archiverenVraag',
      title: (record) => t('ambitieBewerken.archiverenTitel', { naam: record.values.naam }),
      conflict: 'ambitieBewerken.conflictArchiveren',
    },
    archived: () => '/?melding=ambitie-gearchiveerd#ambities',
  },
  api: {
    path: '/ambities',
    tag: 'Uitvoeringsagenda',
    operation: 'Ambitie',
    noun: 'een ambitie',
    schema: AmbitieSchema,
    toApi: (r) => ({ id: r.id, ...pick(r.values, 'code', 'naam', 'omschrijving'), volgorde: r.values.volgorde!, versie: r.versie }),
    notes: {
      create:
        'De ambitie hoort bij het visiedocument van de uitvoeringsagenda die nu geldt. De code moet uniek zijn binnen dat visiedocument ' +
        '(ook gearchiveerde ambities tellen mee); een bestaande code geeft 400 met invalidParams body.code. Zonder volgorde komt de ambitie onderaan.',
      archive: 'Is de ambitie de enige ambitie van een actielijn, dan volgt 409: kies eerst een andere ambitie voor die actielijn.',
    },
    example: { code: 'sterke-basis', naam: 'Sterke basis', omschrijving: 'Elk kind leert lezen, schrijven en rekenen.', volgorde: 4 },
  },
});

/**
 * The ambities after a save: unchanged when the same set was chosen (its order stays), else the ones kept in their
 * old order followed by the new ones in the order given.
 */
function mergeAmbities(before: readonly AmbitieVerwijzing[], chosen: readonly AmbitieVerwijzing[]): AmbitieVerwijzing[] {
  const chosenIds = new Set(chosen.map((a) => a.id));
  const kept = before.filter((a) => chosenIds.has(a.id));
  const keptIds = new Set(kept.map((a) => a.id));
  return [...kept, ...chosen.filter((a) => !keptIds.has(a.id))];
}

/** The current actielijn with this number on the agenda in force. */
const byNummer = {
  param: 'nummer',
  of: (record: LoadedRecord) => String(nummerOf(record)),
  find: async (request: FastifyRequest, value: string) => {
    const nummer = /^[1-9]\d{0,3}$/.test(value) ? Number(value) : NaN;
    return (await agendaOf(request)).actielijnen.find((al) => al.nummer === nummer)?.id;
  },
};

const refuseTakenNummer = async (tx: Parameters<typeof actielijnNummerInGebruik>[0], uitvoeringsagendaId: string, nummer: number, exceptId?: string) => {
  if (await actielijnNummerInGebruik(tx, uitvoeringsagendaId, nummer, exceptId)) throw new FieldError('nummer', t('bewerken.actielijn.nummerBestaat', { nummer }));
};

export const actielijnKind = defineRecordKind({
  name: 'actielijn',
  table: actielijn,
  permission: 'agenda.bewerken',
  notFound: 'api.actielijnNietGevonden',
  address: { column: 'nummer' },
  fields: {
    nummer: wholeNumber({
      label: 'bewerken.actielijn.veldNummer',
      hint: 'bewerken.actielijn.nummerHint',
      createHint: 'bewerken.actielijn.nummerHintNieuw',
      min: 1,
      max: 999,
      invalid: 'bewerken.actielijn.nummerOngeldig',
      nullable: 'create',
      keepWhenEmpty: true,
    }),
    titel: requiredText({ label: 'bewerken.actielijn.veldTitel', empty: 'bewerken.actielijn.titelLeeg', max: 500, widget: 'textarea', rows: 3 }),
    kernwoord: text({ label: 'bewerken.actielijn.veldKernwoord', hint: 'bewerken.actielijn.kernwoordHint', max: 200, api: { description: 'Het deel van de titel dat de agenda benadrukt, of null.' } }),
    beleidsthema: requiredText({ label: 'bewerken.actielijn.veldBeleidsthema', empty: 'bewerken.actielijn.beleidsthemaLeeg', max: 2000, widget: 'textarea', rows: 3 }),
    ambities: checkboxes<string, AmbitieVerwijzing[]>({
      label: 'ambitieBewerken.actielijnVeld',
      hint: 'ambitieBewerken.actielijnHint',
      item: z.uuid(t('ambitieBewerken.actielijnOnbekend')),
      min: { count: 1, message: 'ambitieBewerken.actielijnGeen' },
      max: 50,
      unique: true,
      join: 'lines',
      sort: true,
      options: async (request) => (await agendaOf(request)).ambities.map((a) => ({ value: a.id, label: a.naam })),
      toInput: (ambities) => ambities.map((a) => a.id),
      relation: {
        load: listActielijnAmbities,
        save: async (tx, gemeenteId, id, ids, before) => {
          const chosen = await lockChosenAmbities(tx, gemeenteId, id, ids);
          if (chosen.length !== ids.length) throw new FieldError('ambities', t('ambitieBewerken.actielijnOnbekend'));
          const after = mergeAmbities(before ?? [], ids.map((ambitieId) => chosen.find((a) => a.id === ambitieId)!));
          if (after.map((a) => a.id).join() !== (before ?? []).map((a) => a.id).join()) await replaceActielijnAmbities(tx, gemeenteId, id, after.map((a) => a.id));
          return after;
        },
      },
      api: { description: 'De ids van de ambities waar de actielijn aan bijdraagt, minstens één.' },
    }),
  },
  describe: (record) => `Actielijn ${record.values.nummer}`,
  rules: {
    check: (values) => (values.kernwoord !== null && values.titel && !values.titel.includes(values.kernwoord) ? { field: 'kernwoord', message: t('bewerken.actielijn.kernwoordNietInTitel') } : undefined),
    async beforeCreate({ tx, gemeenteId }, input) {
      const agenda = await findCurrentAgenda(tx, gemeenteId);
      if (!agenda) throw new HttpError(409, 'Conflict', t('bewerken.actielijn.geenAgenda'));
      const nummer = input.nummer ?? (await nextNumber(tx, gemeenteId, 'actielijn', { uitvoeringsagendaId: agenda.id }));
      await refuseTakenNummer(tx, agenda.id, nummer);
      return { columns: { uitvoeringsagendaId: agenda.id, nummer } };
    },
    async beforeUpdate({ tx }, before, values) {
      if (values.nummer !== before.values.nummer) await refuseTakenNummer(tx, before.row.uitvoeringsagendaId, values.nummer!, before.id);
    },
    unique: [{ constraint: 'actielijn_nummer_per_agenda', field: 'nummer', message: (values) => t('bewerken.actielijn.nummerBestaat', { nummer: Number(values.nummer) }) }],
  },
  pages: {
    base: '/actielijnen',
    key: byNummer,
    title: (record) => (record ? t('bewerken.actielijn.titel', { nummer: record.values.nummer! }) : t('bewerken.actielijn.nieuwTitel')),
    crumbs: (record) => (record ? [home, { href: `/actielijnen/${record.values.nummer}`, label: t('actielijn.titel', { nummer: record.values.nummer! }) }] : [home]),
    cancel: (record) => (record ? `/actielijnen/${nummerOf(record)}` : '/#actielijnen'),
    sections: async (request, record) => <ActielijnSections actielijn={(await agendaOf(request)).actielijnen.find((al) => al.id === record.id)} nummer={record.values.nummer!} max={MAX_FOCUSDOELEN_PER_ACTIELIJN} />,
    archive: { style: 'inline', button: 'bewerken.actielijn.archiveren', explanation: 'bewerken.actielijn.archiverenUitleg', conflict: 'bewerken.conflict.archiveren' },
    archived: () => '/?melding=actielijn-gearchiveerd#actielijnen',
  },
  api: {
    path: '/actielijnen',
    tag: 'Uitvoeringsagenda',
    operation: 'Actielijn',
    noun: 'een actielijn',
    schema: ActielijnGegevensSchema,
    toApi: (r) => ({ id: r.id, nummer: r.values.nummer!, ...pick(r.values, 'titel', 'kernwoord', 'beleidsthema', 'ambities'), versie: r.versie }),
    notes: {
      create: 'De actielijn komt op de uitvoeringsagenda die nu geldt. Zonder nummer krijgt ze het eerstvolgende vrije nummer.',
      update: 'Een gewijzigd nummer laat het oude adres van de pagina van de actielijn doorverwijzen naar het nieuwe.',
      archive: 'De actielijn verdwijnt van de agenda, met haar focusdoelen; alles blijft bewaard in de geschiedenis.',
    },
    example: { titel: 'Samen werken aan een veilige school', kernwoord: 'veilige school', beleidsthema: 'Aanleiding en focus van de actielijn.', ambities: ['7a1c3a52-1f5e-4c7e-9a53-2d7f0f6c1b11'] },
  },
});

const parentActielijn = { kind: actielijnKind, column: 'actielijnId' };

export const focusdoelKind = defineRecordKind({
  name: 'focusdoel',
  table: focusdoel,
  permission: 'agenda.bewerken',
  notFound: 'api.focusdoelNietGevonden',
  parent: parentActielijn,
  auditColumns: ['positie'],
  fields: {
    tekst: requiredText({ label: 'bewerken.focusdoel.veldTekst', empty: 'bewerken.focusdoel.tekstLeeg', max: 2000, widget: 'textarea', rows: 4 }),
    subpunten: lines({
      label: 'bewerken.focusdoel.veldSubpunten',
      hint: 'bewerken.focusdoel.subpuntenHint',
      maxItems: 20,
      maxLength: 1000,
      tooMany: 'bewerken.focusdoel.teVeelSubpunten',
      relation: {
        load: listSubpunten,
        save: async (tx, gemeenteId, id, subpunten) => {
          await replaceSubpunten(tx, gemeenteId, id, subpunten);
          return subpunten;
        },
      },
    }),
  },
  describe: (record, { parent }) => `Focusdoel ${record.row.positie} van actielijn ${nummerOf(parent)}`,
  rules: {
    /** At most two current focusdoelen per actielijn (the seed's rule); the parent is locked, so two adds take turns. */
    async beforeCreate({ tx, gemeenteId, parent }) {
      const current = await listActiveFocusdoelen(tx, gemeenteId, parent!.id);
      if (current.length >= MAX_FOCUSDOELEN_PER_ACTIELIJN) {
        throw new RefusedError(t('bewerken.maxFocusdoelen.titel'), t('bewerken.maxFocusdoelen.tekst', { max: MAX_FOCUSDOELEN_PER_ACTIELIJN }), 'tekst');
      }
      const used = new Set(current.map((f) => f.positie));
      return { columns: { positie: [1, 2].find((p) => !used.has(p))! } };
    },
  },
  pages: {
    base: '/focusdoelen',
    segment: 'focusdoelen',
    title: (record, parent) => t(record ? 'bewerken.focusdoel.titel' : 'bewerken.focusdoel.nieuwTitel', { nummer: nummerOf(parent) }),
    crumbs: (_record, parent) => actielijnCrumbs(parent!),
    cancel: (_record, parent) => `/actielijnen/${nummerOf(parent)}/bewerken`,
    created: 'parent',
    archive: { style: 'inline', button: 'bewerken.focusdoel.archiveren', explanation: 'bewerken.focusdoel.archiverenUitleg', conflict: 'bewerken.conflict.archiveren' },
  },
  api: {
    path: '/focusdoelen',
    segment: 'focusdoelen',
    tag: 'Uitvoeringsagenda',
    operation: 'Focusdoel',
    noun: 'een focusdoel',
    schema: FocusdoelSchema,
    toApi: (r) => ({
      id: r.id,
      actielijnId: r.row.actielijnId,
      positie: r.row.positie,
      tekst: r.values.tekst,
      subpunten: r.values.subpunten.map((tekst, index) => ({ volgorde: index + 1, tekst })),
      versie: r.versie,
    }),
    notes: { create: 'Een actielijn heeft hoogstens twee focusdoelen; een derde geeft 409.', update: 'Subpunten die u meestuurt vervangen de lijst.' },
    example: { tekst: 'Het vergroten van het inzicht in de onderlinge structuren.', subpunten: ['Afstemming met de wijkagent.'] },
  },
});

export const betrokkeneKind = defineRecordKind({
  name: 'betrokkene',
  table: betrokkene,
  permission: 'agenda.bewerken',
  notFound: 'api.betrokkeneNietGevonden',
  parent: parentActielijn,
  order: 'volgorde',
  fields: {
    naam: requiredText({ label: 'betrokkeneBewerken.veldNaam', hint: 'betrokkeneBewerken.naamHint', empty: 'betrokkeneBewerken.naamLeeg', max: 200 }),
    gremiumId: reference({ label: 'betrokkeneBewerken.veldGremium', hint: 'betrokkeneBewerken.gremiumHint', table: gremium, nullable: true, invalid: 'betrokkeneBewerken.gremiumOnbekend', options: gremiumOptions }),
    organisatieId: reference({
      label: 'betrokkeneBewerken.veldOrganisatie',
      hint: 'betrokkeneBewerken.organisatieHint',
      table: organisatie,
      nullable: true,
      invalid: 'betrokkeneBewerken.organisatieOnbekend',
      options: organisatieOptions,
    }),
  },
  describe: (record, { parent }) => `Betrokkene ${record.values.naam} bij actielijn ${nummerOf(parent)}`,
  rules: {
    check: (values) => (values.gremiumId && values.organisatieId ? { field: 'organisatieId', message: t('betrokkeneBewerken.nietAllebei') } : undefined),
    async beforeCreate({ tx, gemeenteId, parent }) {
      return { columns: { volgorde: await nextNumber(tx, gemeenteId, 'betrokkene', { actielijnId: parent!.id }) } };
    },
  },
  pages: {
    base: '/betrokkenen',
    segment: 'betrokkenen',
    title: (record, parent) =>
      record ? t('betrokkeneBewerken.titel', { naam: record.values.naam, nummer: nummerOf(parent) }) : t('betrokkeneBewerken.nieuwTitel', { nummer: nummerOf(parent) }),
    crumbs: (_record, parent) => actielijnCrumbs(parent!),
    cancel: (_record, parent) => `/actielijnen/${nummerOf(parent)}/bewerken`,
    created: 'parent',
    archive: { style: 'inline', button: 'betrokkeneBewerken.archiveren', explanation: 'betrokkeneBewerken.archiverenUitleg', conflict: 'bewerken.conflict.archiveren' },
  },
  api: {
    path: '/betrokkenen',
    segment: 'betrokkenen',
    tag: 'Uitvoeringsagenda',
    operation: 'Betrokkene',
    noun: 'een betrokkene',
    summaries: { create: 'Een betrokkene aan een actielijn toevoegen' },
    schema: BetrokkeneSchema,
    toApi: (r) => ({ id: r.id, ...pick(r.values, 'naam', 'gremiumId', 'organisatieId'), versie: r.versie }),
    notes: { create: 'Een betrokkene is een overleg uit deze LEA (gremiumId), een organisatie (organisatieId) of alleen een naam. De betrokkene komt achteraan de lijst.' },
    example: { naam: 'Veiligheidsdriehoek', gremiumId: null, organisatieId: null },
    read: { plural: 'Betrokkenen', parentName: 'Actielijn' },
  },
});

const titelVars = (record: LoadedRecord<unknown, { nummer: number | null; jaar: number | null; categorieId: string | null }>, agenda: Agenda) => ({
  nummer: record.values.nummer ?? 0,
  jaar: record.values.jaar ?? 0,
  categorie: agenda.oab.categorieen.find((c) => c.id === record.values.categorieId)?.naam ?? '',
});

const refuseTakenOabNummer = async (
  tx: Parameters<typeof nummerInGebruik>[0],
  gemeenteId: string,
  values: { categorieId: string | null; jaar: number | null; nummer: number | null },
  nummer: number,
  exceptId?: string,
) => {
  if (await nummerInGebruik(tx, gemeenteId, values.categorieId!, values.jaar!, nummer, exceptId)) throw new FieldError('nummer', t('oabBewerken.nummerBestaat', { nummer, jaar: values.jaar! }));
};

export const oabAfspraakKind = defineRecordKind({
  name: 'oab-afspraak',
  table: oabAfspraak,
  permission: 'agenda.bewerken',
  notFound: 'api.oabAfspraakNietGevonden',
  fields: {
    categorieId: reference({
      label: 'oabBewerken.veldCategorie',
      table: oabCategorie,
      invalid: 'oabBewerken.categorieOnbekend',
      empty: 'oabBewerken.categorieOnbekend',
      options: async (request) => (await agendaOf(request)).oab.categorieen.map((c) => ({ value: c.id, label: c.naam })),
      api: { description: 'De id van de categorie (zie /oab-categorieen).' },
    }),
    jaar: wholeNumber({ label: 'oabBewerken.veldJaar', hint: 'oabBewerken.jaarHint', min: 2000, max: 2100, invalid: 'oabBewerken.jaarOngeldig', empty: 'oabBewerken.jaarOngeldig' }),
    nummer: wholeNumber({
      label: 'oabBewerken.veldNummer',
      hint: 'oabBewerken.nummerHint',
      createHint: 'oabBewerken.nummerHintNieuw',
      min: 1,
      max: 999,
      invalid: 'oabBewerken.nummerOngeldig',
      empty: 'oabBewerken.nummerLeeg',
      nullable: 'create',
      api: { description: 'Het nummer binnen categorie en jaar, uniek (ook gearchiveerde afspraken tellen mee).' },
    }),
    tekst: requiredText({ label: 'oabBewerken.veldTekst', empty: 'oabBewerken.tekstLeeg', max: 2000, widget: 'textarea' }),
  },
  auditDetails: async (record, { tx, gemeenteId }) => ({ categorie: await categorieNaam(tx, gemeenteId, record.values.categorieId!) }),
  describe: async (record, { tx, gemeenteId }) =>
    `OAB-afspraak ${record.values.jaar}, ${await categorieNaam(tx, gemeenteId, record.values.categorieId!)}, nummer ${record.values.nummer}`,
  rules: {
    async beforeCreate({ tx, gemeenteId }, input) {
      // Locking the category makes two saves that pick a number in it take turns.
      await lockCategorie(tx, gemeenteId, input.categorieId!);
      const nummer = input.nummer ?? (await nextNumber(tx, gemeenteId, 'oab-afspraak', { categorieId: input.categorieId!, jaar: input.jaar! }));
      await refuseTakenOabNummer(tx, gemeenteId, input, nummer);
      return { columns: { nummer } };
    },
    async beforeUpdate({ tx, gemeenteId }, before, values) {
      await lockCategorie(tx, gemeenteId, values.categorieId!);
      await refuseTakenOabNummer(tx, gemeenteId, values, values.nummer!, before.id);
    },
    unique: [{ constraint: 'oab_afspraak_nummer', field: 'nummer', message: (values) => t('oabBewerken.nummerBestaat', { nummer: values.nummer ?? 0, jaar: values.jaar ?? 0 }) }],
  },
  pages: {
    base: '/oab-afspraken',
    title: async (record, _parent, request) => (record ? t('oabBewerken.titel', titelVars(record, await agendaOf(request))) : t('oabBewerken.nieuwTitel')),
    crumbs: () => oabCrumbs,
    cancel: () => '/oab-afspraken',
    /** The year of the newest afspraken is the likely one; a link may name another year and a category. */
    initial: async (request) => {
      const query = request.query as Record<string, string | undefined>;
      const { oab } = await agendaOf(request);
      const years = [...oab.jaren.map((j) => j.jaar), ...oab.afspraken.map((a) => a.jaar)];
      const jaar = /^\d{4}$/.test(query.jaar ?? '') ? query.jaar! : String(years.length > 0 ? Math.max(...years) : new Date().getFullYear());
      const categorie = oab.categorieen.find((c) => c.id === query.categorie || c.code === query.categorie);
      return { jaar, categorieId: categorie?.id ?? '' };
    },
    createdNotice: 'oabBewerken.toegevoegd',
    archive: {
      style: 'confirm',
      button: 'oabBewerken.archiveren',
      explanation: 'oabBewerken.archiverenUitleg',
      question: 'oabBewerken.archiverenVraag',
      title: async (record, request) => t('oabBewerken.archiverenTitel', titelVars(record, await agendaOf(request))),
      conflict: 'oabBewerken.conflictArchiveren',
    },
    archived: () => '/oab-afspraken?melding=afspraak-gearchiveerd',
  },
  api: {
    path: '/oab-afspraken',
    tag: 'OAB',
    operation: 'OabAfspraak',
    noun: 'een OAB-afspraak',
    schema: OabAfspraakSchema,
    toApi: async (r, request) => {
      const categorie = (await agendaOf(request)).oab.categorieen.find((c) => c.id === r.values.categorieId)!;
      return { id: r.id, jaar: r.values.jaar!, nummer: r.values.nummer!, tekst: r.values.tekst, categorie: { id: categorie.id, code: categorie.code, naam: categorie.naam }, versie: r.versie };
    },
    notes: {
      create:
        'De afspraak geldt voor een categorie en een jaar (2000 tot en met 2100). Zonder nummer krijgt ze het eerstvolgende vrije nummer; ' +
        'een nummer dat in die categorie en dat jaar al gebruikt is, geeft 400 met invalidParams body.nummer.',
      archive: 'Het nummer van een gearchiveerde afspraak blijft bezet.',
    },
    example: { categorieId: '7a1c3a52-1f5e-4c7e-9a53-2d7f0f6c1b11', jaar: 2026, tekst: 'We bieden voor- en vroegschoolse educatie aan die voldoet aan alle wettelijke eisen.' },
  },
});
