import { t } from '../../../i18n/index.js';
import { joinDutch } from '../../../lib/join-dutch.js';
import type { Sector } from '../../../db/schema.js';
import type { Governance, Namens } from '../governance.service.js';

/** "het primair onderwijs en het voortgezet onderwijs" for the sectors and organisations a member represents. */
export function describeNamens(namens: Namens[], governance: Governance): string {
  const parts = namens.map((n) =>
    n.sector ? t(`sector.${n.sector}`) : (governance.organisaties.find((o) => o.id === n.organisatieId)?.naam ?? ''),
  );
  return joinDutch(parts.filter(Boolean));
}

/** The label of a sector in a form (the public pages say "het primair onderwijs"; a list of choices says it shorter). */
export function sectorLabel(sector: Sector): string {
  return t(`governance.sector.${sector}`);
}
