/**
 * The record kinds of the governance: organisaties, personen, gremia (overleggen), who sits in them (lidmaatschappen)
 * and how they hang together (relaties). Each is one declaration; pages, API, locking, audit and tenant scope come
 * from src/records.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { gremium, gremiumRelatie, gremiumRelatieSoortEnum, gremiumTypeEnum, lidmaatschap, lidmaatschapRolEnum, organisatie, persoon, sectorEnum } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { FieldError, RefusedError } from '../../lib/errors.js';
import { pick } from '../../lib/pick.js';
import { checkboxes, code, reference, requiredText, select, text, type Option } from '../../records/fields.js';
import { defineRecordKind, type LoadedRecord } from '../../records/record-kind.js';
import { currentIds, findRowWhere } from '../../records/record.repository.js';
import type { Crumb } from '../../views/layout.js';
import { countLidmaatschappen, listNamens, nextVolgorde, organisatieInGebruik, persoonNaam, replaceNamens } from './governance-edit.repository.js';
import { GremiumGegevensSchema, GremiumRelatieSchema, LidmaatschapGegevensSchema, OrganisatieSchema, PersoonGegevensSchema, SectorSchema } from './governance.schemas.js';
import type { Governance, Namens } from './governance.service.js';
import { gremiumScope } from './gremium-scope.js';
import { gremiumOptions, organisatieOptions, persoonOptions } from './governance.options.js';
import { GremiumSections, OVERZICHT } from './views/governance-edit-pages.js';
import { sectorLabel } from './views/namens.js';

const governanceOf = (request: FastifyRequest): Promise<Governance> => request.server.services.governance.get(request.gemeente);

const home: Crumb = { href: '/', label: t('nav.home') };
const overzicht: Crumb = { href: OVERZICHT, label: t('governance.overzicht.kort') };
const governanceCrumbs = () => [home, overzicht];
const archivedToOverview = () => `${OVERZICHT}?melding=gearchiveerd`;

const sectorOptions = (): Option[] => sectorEnum.enumValues.map((s) => ({ value: s, label: sectorLabel(s) }));

const codeField = code({ label: 'governance.veldCode', hint: 'governance.codeHint', max: 80, invalid: 'governance.codeVorm', editable: 'update' });
const codeTaken = () => t('governance.codeBestaat');

export const organisatieKind = defineRecordKind({
  name: 'organisatie',
  table: organisatie,
  permission: 'governance.bewerken',
  notFound: 'api.organisatieNietGevonden',
  code: { column: 'code', from: 'naam' },
  fields: {
    naam: requiredText({ label: 'governance.organisatie.veldNaam', empty: 'governance.organisatie.naamLeeg', max: 200 }),
    code: codeField,
    sectoren: checkboxes({
      label: 'governance.organisatie.veldSectoren',
      hint: 'governance.organisatie.sectorenHint',
      item: z.enum(sectorEnum.enumValues, { error: t('governance.veld.keuzeOnbekend') }),
      max: sectorEnum.enumValues.length,
      unique: true,
      options: sectorOptions,
    }),
  },
  describe: (record) => `Organisatie ${record.values.naam}`,
  rules: {
    async beforeArchive({ tx, gemeenteId }, before) {
      const gebruik = await organisatieInGebruik(tx, gemeenteId, before.id);
      if (gebruik.leden > 0 || gebruik.personen > 0) throw new RefusedError(t('governance.nogInGebruik'), t('governance.organisatie.inGebruik', gebruik));
    },
    unique: [{ constraint: 'organisatie_code_per_gemeente', field: 'code', message: codeTaken }],
  },
  pages: {
    base: '/organisaties',
    title: (record) => (record ? t('governance.organisatie.titel', { naam: record.values.naam }) : t('governance.organisatie.nieuwTitel')),
    crumbs: governanceCrumbs,
    cancel: () => OVERZICHT,
    archive: { style: 'inline', button: 'governance.organisatie.archiveren', explanation: 'governance.organisatie.archiverenUitleg', conflict: 'governance.conflict.archiveren' },
    archived: archivedToOverview,
  },
  api: {
    path: '/organisaties',
    tag: 'Governance',
    operation: 'Organisatie',
    noun: 'een organisatie',
    schema: OrganisatieSchema,
    toApi: (r) => ({ id: r.id, code: r.values.code, naam: r.values.naam, sectoren: r.values.sectoren, versie: r.versie }),
    notes: {
      create: 'De code wordt gemaakt uit de naam (met -2, -3 … als die al bestaat).',
      archive: 'Zit er nog iemand namens de organisatie in een gremium, of horen er nog personen bij, dan volgt 409.',
    },
    example: { naam: 'Bibliotheek Zoetermeer', sectoren: ['overig'] },
  },
});

export const persoonKind = defineRecordKind({
  name: 'persoon',
  table: persoon,
  permission: 'governance.bewerken',
  notFound: 'api.persoonNietGevonden',
  code: { column: 'code', from: 'naam' },
  fields: {
    naam: requiredText({ label: 'governance.persoon.veldNaam', empty: 'governance.persoon.naamLeeg', max: 200, input: { autocomplete: 'off' } }),
    code: codeField,
    functie: text({ label: 'governance.persoon.veldFunctie', hint: 'governance.persoon.functieHint', max: 200 }),
    email: text({
      label: 'governance.persoon.veldEmail',
      hint: 'governance.persoon.emailHint',
      max: 254,
      checks: [{ test: (v) => z.email().safeParse(v).success, message: 'governance.persoon.emailOngeldig' }],
      input: { type: 'email', autocomplete: 'off', spellcheck: false },
      api: { description: 'Het e-mailadres, of null. Alleen zichtbaar voor ingelogde gebruikers, nooit in de open API.' },
    }),
    organisatieId: reference({ label: 'governance.persoon.veldOrganisatie', table: organisatie, nullable: true, invalid: 'governance.persoon.organisatieOnbekend', options: organisatieOptions }),
  },
  describe: (record) => `Persoon ${record.values.naam}`,
  rules: {
    async beforeArchive({ tx, gemeenteId }, before) {
      const aantal = await countLidmaatschappen(tx, gemeenteId, { persoonId: before.id });
      if (aantal > 0) throw new RefusedError(t('governance.nogInGebruik'), t('governance.persoon.inGebruik', { aantal }));
    },
    unique: [{ constraint: 'persoon_code_per_gemeente', field: 'code', message: codeTaken }],
  },
  pages: {
    base: '/personen',
    title: (record) => (record ? t('governance.persoon.titel', { naam: record.values.naam }) : t('governance.persoon.nieuwTitel')),
    crumbs: governanceCrumbs,
    cancel: () => OVERZICHT,
    archive: { style: 'inline', button: 'governance.persoon.archiveren', explanation: 'governance.persoon.archiverenUitleg', conflict: 'governance.conflict.archiveren' },
    archived: archivedToOverview,
  },
  api: {
    path: '/personen',
    tag: 'Governance',
    operation: 'Persoon',
    noun: 'een persoon',
    schema: PersoonGegevensSchema,
    toApi: (r) => ({ id: r.id, code: r.values.code, ...pick(r.values, 'naam', 'functie', 'email', 'organisatieId'), versie: r.versie }),
    notes: {
      create: 'De code wordt gemaakt uit de naam (met -2, -3 … als die al bestaat). Het antwoord bevat het e-mailadres: het is alleen voor wie mag bewerken.',
      archive: 'Zit de persoon nog in een gremium, dan volgt 409.',
    },
    example: { naam: 'Jan de Vries', functie: 'Bestuurder', email: 'jan.devries@voorbeeld.nl', organisatieId: null },
  },
});

const markdown = (label: 'governance.gremium.veldOmschrijving' | 'governance.gremium.veldOpdracht' | 'governance.gremium.veldMandaat') =>
  text({ label, widget: 'markdown', rows: 6, max: 10_000 });

export const gremiumKind = defineRecordKind({
  name: 'gremium',
  table: gremium,
  permission: 'governance.bewerken',
  notFound: 'api.gremiumNietGevonden',
  code: { column: 'slug', from: 'naam' },
  address: { column: 'slug' },
  scope: {
    permission: 'gremium.eigen-tafel',
    of: (rollen, record) => gremiumScope(rollen, record.id),
    fields: ['omschrijving', 'vergaderfrequentie'],
    intro: 'governance.gremium.eigenTafel',
    notYours: 'governance.gremium.nietUwTafel',
    onlyTheseFields: 'governance.gremium.alleenOmschrijving',
  },
  fields: {
    naam: requiredText({ label: 'governance.gremium.veldNaam', empty: 'governance.gremium.naamLeeg', max: 200 }),
    slug: code({ label: 'governance.gremium.veldSlug', hint: 'governance.gremium.slugHint', max: 80, invalid: 'governance.codeVorm', editable: 'update' }),
    type: select({
      label: 'governance.gremium.veldType',
      values: gremiumTypeEnum.enumValues,
      invalid: 'governance.gremium.typeOnbekend',
      empty: 'governance.gremium.typeOnbekend',
      options: () => gremiumTypeEnum.enumValues.map((type) => ({ value: type, label: t(`gremiumType.${type}`) })),
    }),
    omschrijving: markdown('governance.gremium.veldOmschrijving'),
    opdracht: markdown('governance.gremium.veldOpdracht'),
    mandaat: markdown('governance.gremium.veldMandaat'),
    vergaderfrequentie: text({ label: 'governance.gremium.veldFrequentie', hint: 'governance.gremium.frequentieHint', max: 200 }),
  },
  describe: (record) => `Gremium ${record.values.naam}`,
  rules: {
    async beforeCreate({ tx, gemeenteId }) {
      // A new gremium goes to the end of the list.
      return { columns: { volgorde: (await nextVolgorde(tx, gemeenteId, 'gremium')) } };
    },
    async beforeArchive({ tx, gemeenteId }, before) {
      const aantal = await countLidmaatschappen(tx, gemeenteId, { gremiumId: before.id });
      if (aantal > 0) throw new RefusedError(t('governance.nogInGebruik'), t('governance.gremium.inGebruik', { aantal }));
    },
    unique: [{ constraint: 'gremium_slug_per_gemeente', field: 'slug', message: codeTaken }],
  },
  pages: {
    base: '/gremia',
    title: (record) => (record ? t('governance.gremium.titel', { naam: record.values.naam }) : t('governance.gremium.nieuwTitel')),
    // A voorzitter cannot open the overview; their way back is the structure page.
    crumbs: (_record, _parent, scope) => (scope === 'alles' ? governanceCrumbs() : [home, { href: '/structuur', label: t('nav.structuur') }]),
    cancel: (_record, _parent, scope) => (scope === 'alles' ? OVERZICHT : '/structuur'),
    sections: async (request, record) => <GremiumSections gremiumId={record.id} governance={await governanceOf(request)} />,
    archive: { style: 'inline', button: 'governance.gremium.archiveren', explanation: 'governance.gremium.archiverenUitleg', conflict: 'governance.conflict.archiveren' },
    archived: archivedToOverview,
  },
  api: {
    path: '/gremia',
    tag: 'Governance',
    operation: 'Gremium',
    noun: 'een gremium',
    schema: GremiumGegevensSchema,
    toApi: (r) => ({ id: r.id, ...pick(r.values, 'slug', 'naam', 'type', 'omschrijving', 'opdracht', 'mandaat', 'vergaderfrequentie'), versie: r.versie }),
    notes: {
      create: 'Het gremium komt achteraan de lijst. De slug wordt gemaakt uit de naam (met -2, -3 … als die al bestaat).',
      update:
        'De voorzitter van een overlegtafel mag alleen omschrijving en vergaderfrequentie van de eigen tafel wijzigen; een ander gremium of een ander veld geeft 403. ' +
        'Een gewijzigde slug laat het oude adres van de openbare pagina doorverwijzen naar het nieuwe.',
      archive: 'Heeft het gremium nog leden, dan volgt 409. Zijn relaties verdwijnen met het gremium uit de structuur.',
    },
    example: { naam: 'Werkgroep Kansrijke Start', type: 'werkgroep', omschrijving: 'Een **nieuwe** werkgroep.', vergaderfrequentie: 'elke maand' },
  },
});

const namensKey = (n: Namens) => (n.sector ? `sector:${n.sector}` : `organisatie:${n.organisatieId}`);
const namensItem = z
  .object({
    sector: SectorSchema.nullable().optional().describe('Een sector, of leeg als het om een organisatie gaat.'),
    organisatieId: z.uuid(t('governance.lidmaatschap.namensOnbekend')).nullable().optional().describe('Een organisatie, of leeg als het om een sector gaat.'),
  })
  .refine((n) => ((n.sector ?? null) === null) !== ((n.organisatieId ?? null) === null), t('governance.api.namensPreciesEen'))
  .transform((n): Namens => (n.sector ? { sector: n.sector, organisatieId: null } : { sector: null, organisatieId: n.organisatieId! }));

export const lidmaatschapKind = defineRecordKind({
  name: 'lidmaatschap',
  table: lidmaatschap,
  permission: 'governance.bewerken',
  notFound: 'api.lidmaatschapNietGevonden',
  parent: { kind: gremiumKind, column: 'gremiumId' },
  fields: {
    persoonId: reference({
      label: 'governance.lidmaatschap.veldPersoon',
      hint: 'governance.lidmaatschap.persoonHint',
      table: persoon,
      empty: 'governance.lidmaatschap.persoonLeeg',
      invalid: 'governance.lidmaatschap.persoonOnbekend',
      editable: 'create',
      options: persoonOptions,
      api: { description: 'De persoon die lid wordt.' },
    }),
    rol: select({
      label: 'governance.lidmaatschap.veldRol',
      values: lidmaatschapRolEnum.enumValues,
      invalid: 'governance.lidmaatschap.rolOnbekend',
      initial: 'lid',
      options: () => lidmaatschapRolEnum.enumValues.map((rol) => ({ value: rol, label: t(`rol.${rol}`) })),
    }),
    namens: checkboxes({
      label: 'governance.lidmaatschap.veldNamens',
      hint: 'governance.lidmaatschap.namensHint',
      item: namensItem,
      min: { count: 1, message: 'governance.lidmaatschap.namensLeeg' },
      max: 30,
      unique: true,
      join: 'sentence',
      encode: namensKey,
      decode: (value) => {
        const [soort, sleutel = ''] = value.split(':', 2);
        return soort === 'organisatie' ? { organisatieId: sleutel } : { sector: soort === 'sector' ? sleutel : value };
      },
      options: async (request) => [
        ...sectorEnum.enumValues.map((s) => ({ value: `sector:${s}`, label: t('governance.lidmaatschap.namensSector', { naam: sectorLabel(s) }), text: t(`sector.${s}`) })),
        ...(await governanceOf(request)).organisaties.map((o) => ({ value: `organisatie:${o.id}`, label: t('governance.lidmaatschap.namensOrganisatie', { naam: o.naam }), text: o.naam })),
      ],
      relation: {
        load: listNamens,
        save: async (tx, gemeenteId, id, namens) => {
          // Whom a member represents: every organisatie a current one, share-locked so archiving it waits for this save.
          const ids = namens.flatMap((n) => (n.organisatieId ? [n.organisatieId] : []));
          const found = await currentIds(tx, organisatie, gemeenteId, ids);
          if (ids.some((o) => !found.has(o))) throw new FieldError('namens', t('governance.lidmaatschap.namensOnbekend'));
          await replaceNamens(tx, gemeenteId, id, namens);
          return namens;
        },
      },
      api: { description: 'Wie het lid vertegenwoordigt: een of meer sectoren en of organisaties; vervangt de lijst.' },
    }),
  },
  describe: async (record, { tx, gemeenteId, parent }) =>
    `Lidmaatschap van ${await persoonNaam(tx, gemeenteId, record.values.persoonId!)} in ${(parent as LoadedRecord<unknown, { naam: string }>).values.naam}`,
  rules: {
    async beforeCreate({ tx, gemeenteId, parent }, input) {
      const volgorde = await nextVolgorde(tx, gemeenteId, 'lidmaatschap', parent!.id);
      // The pair persoon × gremium is unique over the archive too: a former member comes back in the same record.
      const existing = await findRowWhere(tx, lidmaatschap, gemeenteId, { persoonId: input.persoonId, gremiumId: parent!.id });
      if (existing && !existing.gearchiveerdOp) throw new FieldError('persoonId', t('governance.lidmaatschap.alLid'));
      return { columns: { volgorde }, ...(existing ? { revive: existing as never } : {}) };
    },
    unique: [{ constraint: 'lidmaatschap_uniek', field: 'persoonId', message: () => t('governance.lidmaatschap.alLid') }],
  },
  pages: {
    base: '/lidmaatschappen',
    segment: 'lidmaatschappen',
    title: async (record, parent, request) => {
      const gremiumNaam = String((parent as LoadedRecord<unknown, { naam: string }>).values.naam);
      if (!record) return t('governance.lidmaatschap.nieuwTitel', { gremium: gremiumNaam });
      const naam = (await governanceOf(request)).personen.find((p) => p.id === record.values.persoonId)?.naam ?? '';
      return t('governance.lidmaatschap.titel', { gremium: gremiumNaam, naam });
    },
    crumbs: (_record, parent) => [...governanceCrumbs(), { href: `/gremia/${parent!.id}/bewerken`, label: String((parent as LoadedRecord<unknown, { naam: string }>).values.naam) }],
    cancel: (_record, parent) => `/gremia/${parent!.id}/bewerken`,
    created: 'parent',
    archive: { style: 'inline', button: 'governance.lidmaatschap.archiveren', explanation: 'governance.lidmaatschap.archiverenUitleg', conflict: 'governance.conflict.archiveren' },
  },
  api: {
    path: '/lidmaatschappen',
    segment: 'lidmaatschappen',
    tag: 'Governance',
    operation: 'Lidmaatschap',
    noun: 'een lidmaatschap',
    summaries: { create: 'Een lid aan een gremium toevoegen', archive: 'Een lid uit een gremium halen' },
    schema: LidmaatschapGegevensSchema,
    toApi: (r) => ({ id: r.id, gremiumId: (r.row as { gremiumId: string }).gremiumId, persoonId: r.values.persoonId, rol: r.values.rol, namens: r.values.namens, versie: r.versie }),
    notes: { create: 'Maakt een persoon lid van het gremium, met een rol en namens wie. Is de persoon al lid, dan volgt 400 bij persoonId.' },
    example: { persoonId: '7a1c3a52-1f5e-4c7e-9a53-2d7f0f6c1b11', rol: 'lid', namens: [{ sector: 'po' }] },
  },
});

export const gremiumRelatieKind = defineRecordKind({
  name: 'gremium-relatie',
  table: gremiumRelatie,
  permission: 'governance.bewerken',
  notFound: 'api.gremiumRelatieNietGevonden',
  parent: { kind: gremiumKind, column: 'vanGremiumId' },
  fields: {
    soort: select({
      label: 'governance.relatie.veldSoort',
      hint: 'governance.relatie.soortHint',
      values: gremiumRelatieSoortEnum.enumValues,
      invalid: 'governance.relatie.soortOnbekend',
      empty: 'governance.relatie.soortOnbekend',
      options: () => gremiumRelatieSoortEnum.enumValues.map((soort) => ({ value: soort, label: t(`relatie.${soort}`) })),
    }),
    naarGremiumId: reference({ label: 'governance.relatie.veldNaar', table: gremium, invalid: 'governance.relatie.naarOnbekend', empty: 'governance.relatie.naarOnbekend', options: gremiumOptions }),
    omschrijving: text({ label: 'governance.relatie.veldOmschrijving', hint: 'governance.relatie.omschrijvingHint', max: 500 }),
  },
  describe: (record, { parent }) => `Relatie van ${(parent as LoadedRecord<unknown, { naam: string }>).values.naam}: ${t(`relatie.${record.values.soort!}`)}`,
  rules: {
    async beforeCreate({ parent }, input) {
      if (input.naarGremiumId === parent!.id) throw new FieldError('naarGremiumId', t('governance.relatie.naarZichzelf'));
    },
    async beforeUpdate({ parent }, _before, values) {
      if (values.naarGremiumId === parent?.id) throw new FieldError('naarGremiumId', t('governance.relatie.naarZichzelf'));
    },
    unique: [{ constraint: 'gremium_relatie_uniek', field: 'naarGremiumId', message: () => t('governance.relatie.bestaat') }],
  },
  pages: {
    base: '/gremium-relaties',
    segment: 'relaties',
    title: (record, parent) => {
      const van = String((parent as LoadedRecord<unknown, { naam: string }>).values.naam);
      return record ? t('governance.relatie.titel', { van }) : t('governance.relatie.nieuwTitel', { van });
    },
    crumbs: (_record, parent) => [...governanceCrumbs(), { href: `/gremia/${parent!.id}/bewerken`, label: String((parent as LoadedRecord<unknown, { naam: string }>).values.naam) }],
    cancel: (_record, parent) => `/gremia/${parent!.id}/bewerken`,
    created: 'parent',
    archive: { style: 'inline', button: 'governance.relatie.archiveren', explanation: 'governance.relatie.archiverenUitleg', conflict: 'governance.conflict.archiveren' },
  },
  api: {
    path: '/gremium-relaties',
    segment: 'relaties',
    tag: 'Governance',
    operation: 'GremiumRelatie',
    noun: 'een relatie tussen twee gremia',
    summaries: { create: 'Een relatie van een gremium met een ander toevoegen' },
    schema: GremiumRelatieSchema,
    toApi: (r) => ({ id: r.id, vanGremiumId: (r.row as { vanGremiumId: string }).vanGremiumId, ...pick(r.values, 'soort', 'naarGremiumId', 'omschrijving'), versie: r.versie }),
    notes: { create: 'Het gremium in het pad is het gremium dat informeert, rapporteert of overlegt. De tekening op /structuur volgt meteen.' },
    example: { soort: 'rapporteert-aan', naarGremiumId: '7a1c3a52-1f5e-4c7e-9a53-2d7f0f6c1b11', omschrijving: 'Twee keer per jaar' },
    read: { plural: 'Relaties', parentName: 'Gremium' },
  },
});
