/**
 * The LEA domain model (see shared/design/domain.md). Every domain row belongs to a gemeente (the tenant);
 * child tables repeat gemeente_id so that every query can be scoped to one gemeente without joins.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const sectorEnum = pgEnum('sector', ['gemeente', 'swv', 'kinderopvang', 'po', 'vo', 'mbo', 'jeugd', 'overig']);
export const agendaStatusEnum = pgEnum('agenda_status', ['concept', 'vastgesteld', 'herzien']);
export const gremiumTypeEnum = pgEnum('gremium_type', [
  'stuurgroep',
  'bestuurlijk-platform',
  'kernteam',
  'overlegtafel',
  'werkgroep',
  'bijeenkomst',
]);
export const gremiumRelatieSoortEnum = pgEnum('gremium_relatie_soort', ['informeert', 'rapporteert-aan', 'overlegt-met']);
export const lidmaatschapRolEnum = pgEnum('lidmaatschap_rol', ['voorzitter', 'lid', 'secretaris', 'adviseur', 'ondersteuner']);

export type Sector = (typeof sectorEnum.enumValues)[number];
export type AgendaStatus = (typeof agendaStatusEnum.enumValues)[number];
export type GremiumType = (typeof gremiumTypeEnum.enumValues)[number];
export type GremiumRelatieSoort = (typeof gremiumRelatieSoortEnum.enumValues)[number];
export type LidmaatschapRol = (typeof lidmaatschapRolEnum.enumValues)[number];

const id = () => uuid('id').primaryKey().defaultRandom();
const gemeenteId = () =>
  uuid('gemeente_id')
    .notNull()
    .references(() => gemeente.id, { onDelete: 'cascade' });
const timestamps = {
  aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
  gewijzigdOp: timestamp('gewijzigd_op', { withTimezone: true }).notNull().defaultNow(),
};
/** Optimistic-locking version of an editable record. */
const versie = () => integer('versie').notNull().default(1);
/** Archived records stay for history and the audit log but leave the agenda; null means current. */
const gearchiveerdOp = () => timestamp('gearchiveerd_op', { withTimezone: true });

export const gemeente = pgTable(
  'gemeente',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    naam: text('naam').notNull(),
    cbsCode: text('cbs_code').notNull().unique(),
    /** Host names under which this gemeente's LEA is served. */
    domeinen: text('domeinen').array().notNull().default(sql`'{}'::text[]`),
    /** Raised on every change to the gemeente's data; keys render caches and ETags. */
    dataVersie: integer('data_versie').notNull().default(1),
    ...timestamps,
  },
  (t) => [check('gemeente_cbs_code_vorm', sql`${t.cbsCode} ~ '^GM[0-9]{4}$'`)],
);

export const visiedocument = pgTable(
  'visiedocument',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    titel: text('titel').notNull(),
    periodeStart: integer('periode_start').notNull(),
    periodeEind: integer('periode_eind').notNull(),
    bron: text('bron'),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    index('visiedocument_gemeente_idx').on(t.gemeenteId),
    check('visiedocument_periode', sql`${t.periodeEind} >= ${t.periodeStart}`),
    unique('visiedocument_id_gemeente').on(t.id, t.gemeenteId),
  ],
);

export const uitvoeringsagenda = pgTable(
  'uitvoeringsagenda',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    visiedocumentId: uuid('visiedocument_id').notNull(),
    titel: text('titel').notNull(),
    periodeStart: date('periode_start').notNull(),
    periodeEind: date('periode_eind').notNull(),
    status: agendaStatusEnum('status').notNull().default('concept'),
    overkoepelendThema: text('overkoepelend_thema'),
    voorwoord: text('voorwoord'),
    evaluatie: text('evaluatie'),
    stuurgroepToelichting: text('stuurgroep_toelichting'),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    index('uitvoeringsagenda_gemeente_idx').on(t.gemeenteId),
    check('uitvoeringsagenda_periode', sql`${t.periodeEind} >= ${t.periodeStart}`),
    unique('uitvoeringsagenda_id_gemeente').on(t.id, t.gemeenteId),
    foreignKey({
      columns: [t.visiedocumentId, t.gemeenteId],
      foreignColumns: [visiedocument.id, visiedocument.gemeenteId],
    }).onDelete('cascade'),
  ],
);

export const ambitie = pgTable(
  'ambitie',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    visiedocumentId: uuid('visiedocument_id').notNull(),
    code: text('code').notNull(),
    naam: text('naam').notNull(),
    omschrijving: text('omschrijving').notNull(),
    volgorde: integer('volgorde').notNull(),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('ambitie_code_per_visie').on(t.visiedocumentId, t.code),
    unique('ambitie_id_gemeente').on(t.id, t.gemeenteId),
    foreignKey({
      columns: [t.visiedocumentId, t.gemeenteId],
      foreignColumns: [visiedocument.id, visiedocument.gemeenteId],
    }).onDelete('cascade'),
  ],
);

export const actielijn = pgTable(
  'actielijn',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    uitvoeringsagendaId: uuid('uitvoeringsagenda_id').notNull(),
    nummer: integer('nummer').notNull(),
    titel: text('titel').notNull(),
    /** The phrase of the title the document sets in bold, if any. */
    kernwoord: text('kernwoord'),
    beleidsthema: text('beleidsthema').notNull(),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('actielijn_nummer_per_agenda').on(t.uitvoeringsagendaId, t.nummer),
    unique('actielijn_id_gemeente').on(t.id, t.gemeenteId),
    check('actielijn_nummer_positief', sql`${t.nummer} > 0`),
    foreignKey({
      columns: [t.uitvoeringsagendaId, t.gemeenteId],
      foreignColumns: [uitvoeringsagenda.id, uitvoeringsagenda.gemeenteId],
    }).onDelete('cascade'),
  ],
);

export const actielijnAmbitie = pgTable(
  'actielijn_ambitie',
  {
    gemeenteId: gemeenteId(),
    actielijnId: uuid('actielijn_id').notNull(),
    ambitieId: uuid('ambitie_id').notNull(),
    volgorde: integer('volgorde').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actielijnId, t.ambitieId] }),
    foreignKey({ columns: [t.actielijnId, t.gemeenteId], foreignColumns: [actielijn.id, actielijn.gemeenteId] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.ambitieId, t.gemeenteId], foreignColumns: [ambitie.id, ambitie.gemeenteId] }).onDelete(
      'cascade',
    ),
  ],
);

/** The seed's rule "maximaal twee focusdoelen per actielijn": a position of 1 or 2, unique per actielijn. */
export const MAX_FOCUSDOELEN_PER_ACTIELIJN = 2;

export const focusdoel = pgTable(
  'focusdoel',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    actielijnId: uuid('actielijn_id').notNull(),
    positie: integer('positie').notNull(),
    tekst: text('tekst').notNull(),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    // Only current focusdoelen count towards the two: an archived one frees its place.
    uniqueIndex('focusdoel_positie_per_actielijn').on(t.actielijnId, t.positie).where(sql`${t.gearchiveerdOp} is null`),
    unique('focusdoel_id_gemeente').on(t.id, t.gemeenteId),
    check('focusdoel_maximaal_twee', sql`${t.positie} between 1 and 2`),
    foreignKey({ columns: [t.actielijnId, t.gemeenteId], foreignColumns: [actielijn.id, actielijn.gemeenteId] }).onDelete(
      'cascade',
    ),
  ],
);

export const focusdoelSubpunt = pgTable(
  'focusdoel_subpunt',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    focusdoelId: uuid('focusdoel_id').notNull(),
    volgorde: integer('volgorde').notNull(),
    tekst: text('tekst').notNull(),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('subpunt_volgorde_per_focusdoel').on(t.focusdoelId, t.volgorde),
    foreignKey({ columns: [t.focusdoelId, t.gemeenteId], foreignColumns: [focusdoel.id, focusdoel.gemeenteId] }).onDelete(
      'cascade',
    ),
  ],
);

export const organisatie = pgTable(
  'organisatie',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    code: text('code').notNull(),
    naam: text('naam').notNull(),
    sectoren: sectorEnum('sectoren').array().notNull().default(sql`'{}'`),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [unique('organisatie_code_per_gemeente').on(t.gemeenteId, t.code), unique('organisatie_id_gemeente').on(t.id, t.gemeenteId)],
);

export const persoon = pgTable(
  'persoon',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    code: text('code').notNull(),
    naam: text('naam').notNull(),
    functie: text('functie'),
    email: text('email'),
    organisatieId: uuid('organisatie_id'),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('persoon_code_per_gemeente').on(t.gemeenteId, t.code),
    unique('persoon_id_gemeente').on(t.id, t.gemeenteId),
    foreignKey({ columns: [t.organisatieId, t.gemeenteId], foreignColumns: [organisatie.id, organisatie.gemeenteId] }),
  ],
);

export const gremium = pgTable(
  'gremium',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    slug: text('slug').notNull(),
    naam: text('naam').notNull(),
    type: gremiumTypeEnum('type').notNull(),
    omschrijving: text('omschrijving'),
    opdracht: text('opdracht'),
    mandaat: text('mandaat'),
    vergaderfrequentie: text('vergaderfrequentie'),
    volgorde: integer('volgorde').notNull().default(0),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [unique('gremium_slug_per_gemeente').on(t.gemeenteId, t.slug), unique('gremium_id_gemeente').on(t.id, t.gemeenteId)],
);

export const gremiumRelatie = pgTable(
  'gremium_relatie',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    vanGremiumId: uuid('van_gremium_id').notNull(),
    naarGremiumId: uuid('naar_gremium_id').notNull(),
    soort: gremiumRelatieSoortEnum('soort').notNull(),
    omschrijving: text('omschrijving'),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    // Only current relations count: an archived one may be made again.
    uniqueIndex('gremium_relatie_uniek').on(t.vanGremiumId, t.naarGremiumId, t.soort).where(sql`${t.gearchiveerdOp} is null`),
    unique('gremium_relatie_id_gemeente').on(t.id, t.gemeenteId),
    check('gremium_relatie_niet_naar_zichzelf', sql`${t.vanGremiumId} <> ${t.naarGremiumId}`),
    foreignKey({ columns: [t.vanGremiumId, t.gemeenteId], foreignColumns: [gremium.id, gremium.gemeenteId] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.naarGremiumId, t.gemeenteId], foreignColumns: [gremium.id, gremium.gemeenteId] }).onDelete(
      'cascade',
    ),
  ],
);

export const lidmaatschap = pgTable(
  'lidmaatschap',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    persoonId: uuid('persoon_id').notNull(),
    gremiumId: uuid('gremium_id').notNull(),
    rol: lidmaatschapRolEnum('rol').notNull().default('lid'),
    volgorde: integer('volgorde').notNull().default(0),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('lidmaatschap_uniek').on(t.persoonId, t.gremiumId),
    unique('lidmaatschap_id_gemeente').on(t.id, t.gemeenteId),
    foreignKey({ columns: [t.persoonId, t.gemeenteId], foreignColumns: [persoon.id, persoon.gemeenteId] }).onDelete('cascade'),
    foreignKey({ columns: [t.gremiumId, t.gemeenteId], foreignColumns: [gremium.id, gremium.gemeenteId] }).onDelete('cascade'),
  ],
);

/** Whom a member represents: a sector or an organisation; one lidmaatschap may represent several. */
export const lidmaatschapNamens = pgTable(
  'lidmaatschap_namens',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    lidmaatschapId: uuid('lidmaatschap_id').notNull(),
    sector: sectorEnum('sector'),
    organisatieId: uuid('organisatie_id'),
    volgorde: integer('volgorde').notNull().default(0),
  },
  (t) => [
    check('namens_sector_of_organisatie', sql`(${t.sector} is null) <> (${t.organisatieId} is null)`),
    foreignKey({
      columns: [t.lidmaatschapId, t.gemeenteId],
      foreignColumns: [lidmaatschap.id, lidmaatschap.gemeenteId],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.organisatieId, t.gemeenteId], foreignColumns: [organisatie.id, organisatie.gemeenteId] }),
  ],
);

export const betrokkene = pgTable(
  'betrokkene',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    actielijnId: uuid('actielijn_id').notNull(),
    volgorde: integer('volgorde').notNull(),
    naam: text('naam').notNull(),
    gremiumId: uuid('gremium_id'),
    organisatieId: uuid('organisatie_id'),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('betrokkene_volgorde_per_actielijn').on(t.actielijnId, t.volgorde),
    unique('betrokkene_id_gemeente').on(t.id, t.gemeenteId),
    foreignKey({ columns: [t.actielijnId, t.gemeenteId], foreignColumns: [actielijn.id, actielijn.gemeenteId] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.gremiumId, t.gemeenteId], foreignColumns: [gremium.id, gremium.gemeenteId] }).onDelete('set null'),
    foreignKey({ columns: [t.organisatieId, t.gemeenteId], foreignColumns: [organisatie.id, organisatie.gemeenteId] }).onDelete(
      'set null',
    ),
  ],
);

export const oabCategorie = pgTable(
  'oab_categorie',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    code: text('code').notNull(),
    naam: text('naam').notNull(),
    volgorde: integer('volgorde').notNull(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [unique('oab_categorie_code_per_gemeente').on(t.gemeenteId, t.code), unique('oab_categorie_id_gemeente').on(t.id, t.gemeenteId)],
);

export const oabAfspraak = pgTable(
  'oab_afspraak',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    categorieId: uuid('categorie_id').notNull(),
    jaar: integer('jaar').notNull(),
    nummer: integer('nummer').notNull(),
    tekst: text('tekst').notNull(),
    gearchiveerdOp: gearchiveerdOp(),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('oab_afspraak_nummer').on(t.categorieId, t.jaar, t.nummer),
    check('oab_afspraak_jaar', sql`${t.jaar} between 2000 and 2100`),
    foreignKey({ columns: [t.categorieId, t.gemeenteId], foreignColumns: [oabCategorie.id, oabCategorie.gemeenteId] }).onDelete(
      'cascade',
    ),
  ],
);

/** Yearly context text of the OAB agreements (one row per gemeente and year). */
export const oabJaar = pgTable(
  'oab_jaar',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    jaar: integer('jaar').notNull(),
    toelichting: text('toelichting'),
    versie: versie(),
    ...timestamps,
  },
  (t) => [unique('oab_jaar_per_gemeente').on(t.gemeenteId, t.jaar)],
);

/**
 * An address key a record had before it changed (the number of an actielijn, the slug of a gremium): the old
 * address keeps leading to the record with a permanent redirect, as long as no current record has that key.
 */
export const adresAlias = pgTable(
  'adres_alias',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    /** The record kind, as in the audit log: "actielijn", "gremium". */
    soort: text('soort').notNull(),
    sleutel: text('sleutel').notNull(),
    recordId: uuid('record_id').notNull(),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('adres_alias_uniek').on(t.gemeenteId, t.soort, t.sleutel)],
);

// ---------------------------------------------------------------------------------------------------------------
// Accounts, sessions and the audit log. A gebruiker belongs to exactly one gemeente: the same e-mail address in
// two gemeenten is two accounts, so nothing of one gemeente can leak into the other through a login.

export const rolEnum = pgEnum('rol', [
  'beheerder',
  'procesmanager',
  'stuurgroeplid',
  'voorzitter-overlegtafel',
  'platformlid',
  'data-beheerder',
]);
export type Rol = (typeof rolEnum.enumValues)[number];

export const gebruikerStatusEnum = pgEnum('gebruiker_status', ['uitgenodigd', 'actief', 'geblokkeerd']);
export type GebruikerStatus = (typeof gebruikerStatusEnum.enumValues)[number];

export const gebruiker = pgTable(
  'gebruiker',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    /** Stored lower-case; the unique index makes it the login name within the gemeente. */
    email: text('email').notNull(),
    naam: text('naam').notNull(),
    status: gebruikerStatusEnum('status').notNull().default('uitgenodigd'),
    wachtwoordHash: text('wachtwoord_hash'),
    totpGeheim: text('totp_geheim'),
    /** The last accepted TOTP time step; a code is never accepted twice. */
    totpLaatsteStap: integer('totp_laatste_stap'),
    totpActiefSinds: timestamp('totp_actief_sinds', { withTimezone: true }),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    laatstIngelogdOp: timestamp('laatst_ingelogd_op', { withTimezone: true }),
    versie: versie(),
    ...timestamps,
  },
  (t) => [
    unique('gebruiker_email_per_gemeente').on(t.gemeenteId, t.email),
    unique('gebruiker_id_gemeente').on(t.id, t.gemeenteId),
    check('gebruiker_email_kleine_letters', sql`${t.email} = lower(${t.email})`),
  ],
);

/** A role of a gebruiker; voorzitter-overlegtafel is scoped to the gremium (tafel) it chairs. */
export const gebruikerRol = pgTable(
  'gebruiker_rol',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    gebruikerId: uuid('gebruiker_id').notNull(),
    rol: rolEnum('rol').notNull(),
    gremiumId: uuid('gremium_id'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('gebruiker_rol_uniek').on(t.gebruikerId, t.rol, sql`coalesce(${t.gremiumId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
    check('gebruiker_rol_tafel', sql`(${t.rol} = 'voorzitter-overlegtafel') = (${t.gremiumId} is not null)`),
    foreignKey({ columns: [t.gebruikerId, t.gemeenteId], foreignColumns: [gebruiker.id, gebruiker.gemeenteId] }).onDelete('cascade'),
    foreignKey({ columns: [t.gremiumId, t.gemeenteId], foreignColumns: [gremium.id, gremium.gemeenteId] }).onDelete('cascade'),
  ],
);

/** Server-side sessions: the cookie holds a random id, the database only its hash. */
export const sessie = pgTable(
  'sessie',
  {
    idHash: text('id_hash').primaryKey(),
    gemeenteId: gemeenteId(),
    gebruikerId: uuid('gebruiker_id').notNull(),
    /** False between a correct password and the second factor. */
    mfaVoltooid: boolean('mfa_voltooid').notNull().default(false),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    laatstActiefOp: timestamp('laatst_actief_op', { withTimezone: true }).notNull().defaultNow(),
    verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
    ip: text('ip'),
  },
  (t) => [
    index('sessie_gebruiker_idx').on(t.gebruikerId),
    foreignKey({ columns: [t.gebruikerId, t.gemeenteId], foreignColumns: [gebruiker.id, gebruiker.gemeenteId] }).onDelete('cascade'),
  ],
);

export const eenmaligeLinkDoelEnum = pgEnum('eenmalige_link_doel', ['uitnodiging', 'wachtwoord-herstel']);
export type EenmaligeLinkDoel = (typeof eenmaligeLinkDoelEnum.enumValues)[number];

/** Single-use, time-limited links sent by e-mail (invitation, password reset); only the hash is stored. */
export const eenmaligeLink = pgTable(
  'eenmalige_link',
  {
    tokenHash: text('token_hash').primaryKey(),
    gemeenteId: gemeenteId(),
    gebruikerId: uuid('gebruiker_id').notNull(),
    doel: eenmaligeLinkDoelEnum('doel').notNull(),
    verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
    gebruiktOp: timestamp('gebruikt_op', { withTimezone: true }),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.gebruikerId, t.gemeenteId], foreignColumns: [gebruiker.id, gebruiker.gemeenteId] }).onDelete('cascade'),
  ],
);

export const herstelcode = pgTable(
  'herstelcode',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    gebruikerId: uuid('gebruiker_id').notNull(),
    codeHash: text('code_hash').notNull(),
    gebruiktOp: timestamp('gebruikt_op', { withTimezone: true }),
  },
  (t) => [
    unique('herstelcode_uniek').on(t.gebruikerId, t.codeHash),
    foreignKey({ columns: [t.gebruikerId, t.gemeenteId], foreignColumns: [gebruiker.id, gebruiker.gemeenteId] }).onDelete('cascade'),
  ],
);

/** Personal API tokens; the token is shown once, the database keeps its hash and a prefix to recognise it by. */
export const apiToken = pgTable(
  'api_token',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    gebruikerId: uuid('gebruiker_id').notNull(),
    naam: text('naam').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    aangemaaktOp: timestamp('aangemaakt_op', { withTimezone: true }).notNull().defaultNow(),
    laatstGebruiktOp: timestamp('laatst_gebruikt_op', { withTimezone: true }),
    ingetrokkenOp: timestamp('ingetrokken_op', { withTimezone: true }),
  },
  (t) => [
    index('api_token_gebruiker_idx').on(t.gebruikerId),
    foreignKey({ columns: [t.gebruikerId, t.gemeenteId], foreignColumns: [gebruiker.id, gebruiker.gemeenteId] }).onDelete('cascade'),
  ],
);

/** Failed logins and reset requests per key (an account or an IP address), for progressive delays. */
export const inlogpoging = pgTable(
  'inlogpoging',
  {
    gemeenteId: gemeenteId(),
    sleutel: text('sleutel').notNull(),
    mislukt: integer('mislukt').notNull().default(0),
    laatsteOp: timestamp('laatste_op', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.gemeenteId, t.sleutel] })],
);

/** The state of an OpenID Connect login between the redirect to the provider and its callback. */
export const oidcLogin = pgTable('oidc_login', {
  stateHash: text('state_hash').primaryKey(),
  gemeenteId: gemeenteId(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  /** The local page to return to after the login. */
  terug: text('terug').notNull().default('/'),
  verlooptOp: timestamp('verloopt_op', { withTimezone: true }).notNull(),
});

export const auditSoortEnum = pgEnum('audit_soort', ['gegevens', 'beveiliging']);
export type AuditSoort = (typeof auditSoortEnum.enumValues)[number];

/**
 * Who changed what, when, from what to what. Rows are only ever added. gebruiker_id has no foreign key on
 * purpose: the log must outlive the account, so the name at the time is kept beside it.
 */
export const auditRegel = pgTable(
  'audit_regel',
  {
    id: id(),
    gemeenteId: gemeenteId(),
    tijdstip: timestamp('tijdstip', { withTimezone: true }).notNull().defaultNow(),
    soort: auditSoortEnum('soort').notNull(),
    actie: text('actie').notNull(),
    gebruikerId: uuid('gebruiker_id'),
    gebruikerNaam: text('gebruiker_naam'),
    objectType: text('object_type'),
    objectId: uuid('object_id'),
    omschrijving: text('omschrijving'),
    voor: jsonb('voor'),
    na: jsonb('na'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_regel_gemeente_tijd_idx').on(t.gemeenteId, t.tijdstip),
    index('audit_regel_object_idx').on(t.objectId),
  ],
);
