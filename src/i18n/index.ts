import { nl, type MessageKey } from './nl.js';

export type { MessageKey };

/** Looks a text up in the catalogue and fills in its {placeholders}. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return nl[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
