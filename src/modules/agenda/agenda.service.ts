import type { Database } from '../../db/client.js';
import type { AgendaStatus } from '../../db/schema.js';
import { VersionedCache } from '../../lib/versioned-cache.js';
import type { Gemeente } from '../gemeente/gemeente.service.js';
import * as repo from './agenda.repository.js';

export interface Ambitie {
  id: string;
  code: string;
  naam: string;
  omschrijving: string;
  volgorde: number;
  versie: number;
}

export interface Focusdoel {
  id: string;
  actielijnId: string;
  positie: number;
  tekst: string;
  subpunten: { id: string; volgorde: number; tekst: string }[];
  versie: number;
}

export interface Betrokkene {
  id: string;
  naam: string;
  gremiumId: string | null;
  organisatieId: string | null;
  versie: number;
}

export interface Actielijn {
  id: string;
  nummer: number;
  titel: string;
  kernwoord: string | null;
  beleidsthema: string;
  ambitieIds: string[];
  focusdoelen: Focusdoel[];
  versie: number;
  betrokkenen: Betrokkene[];
}

export interface OabCategorie {
  id: string;
  code: string;
  naam: string;
  volgorde: number;
}

export interface OabAfspraak {
  id: string;
  categorieId: string;
  jaar: number;
  nummer: number;
  tekst: string;
  versie: number;
}

export interface Uitvoeringsagenda {
  id: string;
  visiedocumentId: string;
  titel: string;
  periodeStart: string;
  periodeEind: string;
  status: AgendaStatus;
  versie: number;
  overkoepelendThema: string | null;
  voorwoord: string | null;
  evaluatie: string | null;
  stuurgroepToelichting: string | null;
}

export interface Visiedocument {
  id: string;
  titel: string;
  periodeStart: number;
  periodeEind: number;
  bron: string | null;
}

/** The uitvoeringsagenda in force: the latest vastgestelde one, else the latest of any status. */
export function pickCurrentAgenda<T extends { status: AgendaStatus }>(newestFirst: T[]): T | undefined {
  return newestFirst.find((agenda) => agenda.status === 'vastgesteld') ?? newestFirst[0];
}

export interface Agenda {
  /** The agenda in force, whose ambities and actielijnen this read model holds. */
  uitvoeringsagenda: Uitvoeringsagenda | null;
  visiedocument: Visiedocument | null;
  /** Every agenda of the gemeente, newest period first (earlier and draft versions included). */
  uitvoeringsagendas: Uitvoeringsagenda[];
  visiedocumenten: Visiedocument[];
  ambities: Ambitie[];
  actielijnen: Actielijn[];
  oab: {
    jaren: { jaar: number; toelichting: string | null }[];
    categorieen: OabCategorie[];
    afspraken: OabAfspraak[];
  };
}

/** Reads a gemeente's agenda as one read model, rebuilt only when the gemeente's data version changes. */
export class AgendaService {
  private readonly cache = new VersionedCache<Agenda>(200);

  constructor(private readonly db: Database) {}

  get(gemeente: Gemeente): Promise<Agenda> {
    return this.cache.get(gemeente.id, gemeente.dataVersie, () => this.load(gemeente.id));
  }

  private async load(gemeenteId: string): Promise<Agenda> {
    const oab = await repo.listOab(this.db, gemeenteId);
    const oabModel: Agenda['oab'] = {
      jaren: oab.jaren.map(({ jaar, toelichting }) => ({ jaar, toelichting })),
      categorieen: oab.categorieen.map(({ id, code, naam, volgorde }) => ({ id, code, naam, volgorde })),
      afspraken: oab.afspraken.map(({ id, categorieId, jaar, nummer, tekst, versie }) => ({ id, categorieId, jaar, nummer, tekst, versie })),
    };
    const [agendaRows, visieRows] = await Promise.all([repo.listAgendas(this.db, gemeenteId), repo.listVisiedocumenten(this.db, gemeenteId)]);
    const uitvoeringsagendas: Uitvoeringsagenda[] = agendaRows.map((row) => ({
      id: row.id,
      visiedocumentId: row.visiedocumentId,
      titel: row.titel,
      periodeStart: row.periodeStart,
      periodeEind: row.periodeEind,
      status: row.status,
      versie: row.versie,
      overkoepelendThema: row.overkoepelendThema,
      voorwoord: row.voorwoord,
      evaluatie: row.evaluatie,
      stuurgroepToelichting: row.stuurgroepToelichting,
    }));
    const visiedocumenten: Visiedocument[] = visieRows.map(({ id, titel, periodeStart, periodeEind, bron }) => ({
      id,
      titel,
      periodeStart,
      periodeEind,
      bron,
    }));
    const agenda = pickCurrentAgenda(uitvoeringsagendas);
    if (!agenda) {
      return { uitvoeringsagenda: null, visiedocument: null, uitvoeringsagendas, visiedocumenten, ambities: [], actielijnen: [], oab: oabModel };
    }

    const [ambities, actielijnen] = await Promise.all([
      repo.listAmbities(this.db, gemeenteId, agenda.visiedocumentId),
      repo.listActielijnen(this.db, gemeenteId, agenda.id),
    ]);
    const details = await repo.listActielijnDetails(
      this.db,
      gemeenteId,
      actielijnen.map((row) => row.id),
    );

    return {
      uitvoeringsagenda: agenda,
      visiedocument: visiedocumenten.find((v) => v.id === agenda.visiedocumentId) ?? null,
      uitvoeringsagendas,
      visiedocumenten,
      ambities: ambities.map(({ id, code, naam, omschrijving, volgorde, versie }) => ({ id, code, naam, omschrijving, volgorde, versie })),
      actielijnen: actielijnen.map((row) => ({
        id: row.id,
        nummer: row.nummer,
        titel: row.titel,
        kernwoord: row.kernwoord,
        beleidsthema: row.beleidsthema,
        versie: row.versie,
        ambitieIds: details.ambitieLinks.filter((link) => link.actielijnId === row.id).map((link) => link.ambitieId),
        focusdoelen: details.focusdoelen
          .filter((fd) => fd.actielijnId === row.id)
          .map((fd) => ({
            id: fd.id,
            actielijnId: fd.actielijnId,
            positie: fd.positie,
            tekst: fd.tekst,
            subpunten: details.subpunten
              .filter((sp) => sp.focusdoelId === fd.id)
              .map(({ id, volgorde, tekst }) => ({ id, volgorde, tekst })),
            versie: fd.versie,
          })),
        betrokkenen: details.betrokkenen
          .filter((b) => b.actielijnId === row.id)
          .map(({ id, naam, gremiumId, organisatieId, versie }) => ({ id, naam, gremiumId, organisatieId, versie })),
      })),
      oab: oabModel,
    };
  }
}

declare module '../../app-services.js' {
  interface AppServices {
    agenda: AgendaService;
  }
}
