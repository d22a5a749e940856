import { t } from '../../../i18n/index.js';
import type { Governance, Namens } from '../governance.service.js';

/** "het primair onderwijs en het voortgezet onderwijs" for the sectors and organisations a member represents. */
export function describeNamens(namens: Namens[], governance: Governance): string {
  const parts = namens.map((n) =>
    n.sector ? t(`sector.${n.sector}`) : (governance.organisaties.find((o) => o.id === n.organisatieId)?.naam ?? ''),
  );
  return joinDutch(parts.filter(Boolean));
}

/** Joins a list the Dutch way: "a, b en c". */
export function joinDutch(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
