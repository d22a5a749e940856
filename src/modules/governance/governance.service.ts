import type { Database } from '../../db/client.js';
import type { GremiumRelatieSoort, GremiumType, LidmaatschapRol, Sector } from '../../db/schema.js';
import { VersionedCache } from '../../lib/versioned-cache.js';
import type { Gemeente } from '../gemeente/gemeente.service.js';
import { listPersoonEmails } from './governance-edit.repository.js';
import { loadGovernanceRows } from './governance.repository.js';

export interface Organisatie {
  id: string;
  code: string;
  naam: string;
  sectoren: Sector[];
  versie: number;
}

export interface Persoon {
  id: string;
  naam: string;
  functie: string | null;
  organisatieId: string | null;
  versie: number;
}

export interface Gremium {
  id: string;
  slug: string;
  naam: string;
  type: GremiumType;
  omschrijving: string | null;
  opdracht: string | null;
  mandaat: string | null;
  vergaderfrequentie: string | null;
  versie: number;
}

export interface GremiumRelatie {
  id: string;
  vanGremiumId: string;
  naarGremiumId: string;
  soort: GremiumRelatieSoort;
  omschrijving: string | null;
  versie: number;
}

export type Namens = { sector: Sector; organisatieId: null } | { sector: null; organisatieId: string };

export interface Lidmaatschap {
  id: string;
  persoonId: string;
  gremiumId: string;
  rol: LidmaatschapRol;
  namens: Namens[];
  versie: number;
}

export interface Governance {
  organisaties: Organisatie[];
  personen: Persoon[];
  gremia: Gremium[];
  relaties: GremiumRelatie[];
  lidmaatschappen: Lidmaatschap[];
}

/** Reads a gemeente's governance (gremia, members, organisations), cached per data version. */
export class GovernanceService {
  private readonly cache = new VersionedCache<Governance>(200);

  constructor(private readonly db: Database) {}

  get(gemeente: Gemeente): Promise<Governance> {
    return this.cache.get(gemeente.id, gemeente.dataVersie, () => this.load(gemeente.id));
  }

  /** persoonId → e-mail address, for logged-in readers (permission intern.lezen); never cached with public pages. */
  async contactgegevens(gemeenteId: string): Promise<Map<string, string>> {
    const rows = await listPersoonEmails(this.db, gemeenteId);
    return new Map(rows.map((r) => [r.id, r.email ?? '']));
  }

  private async load(gemeenteId: string): Promise<Governance> {
    const rows = await loadGovernanceRows(this.db, gemeenteId);
    // A relation with an archived gremium is no longer part of the structure.
    const current = new Set(rows.gremia.map((g) => g.id));
    return {
      organisaties: rows.organisaties.map(({ id, code, naam, sectoren, versie }) => ({ id, code, naam, sectoren, versie })),
      personen: rows.personen.map(({ id, naam, functie, organisatieId, versie }) => ({ id, naam, functie, organisatieId, versie })),
      gremia: rows.gremia.map(({ id, slug, naam, type, omschrijving, opdracht, mandaat, vergaderfrequentie, versie }) => ({
        id,
        slug,
        naam,
        type,
        omschrijving,
        opdracht,
        mandaat,
        vergaderfrequentie,
        versie,
      })),
      relaties: rows.relaties
        .filter((r) => current.has(r.vanGremiumId) && current.has(r.naarGremiumId))
        .map(({ id, vanGremiumId, naarGremiumId, soort, omschrijving, versie }) => ({ id, vanGremiumId, naarGremiumId, soort, omschrijving, versie })),
      lidmaatschappen: rows.lidmaatschappen.map((l) => ({
        id: l.id,
        persoonId: l.persoonId,
        gremiumId: l.gremiumId,
        rol: l.rol,
        namens: rows.namens
          .filter((n) => n.lidmaatschapId === l.id)
          .map((n): Namens => (n.sector ? { sector: n.sector, organisatieId: null } : { sector: null, organisatieId: n.organisatieId! })),
        versie: l.versie,
      })),
    };
  }
}

/** The stuurgroep of a gemeente: the gremium of type stuurgroep (the first, should there be several). */
export function findStuurgroep(governance: Governance): Gremium | undefined {
  return governance.gremia.find((g) => g.type === 'stuurgroep');
}

declare module '../../app-services.js' {
  interface AppServices {
    governance: GovernanceService;
  }
}
