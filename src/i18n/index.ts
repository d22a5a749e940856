import { z } from 'zod';
import { nl, type MessageKey } from './nl.js';

export type { MessageKey };

// A check without a message of its own (a query parameter of the read API, say) still answers in Dutch.
z.config(z.locales.nl());

/** Looks a text up in the catalogue and fills in its {placeholders}. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return nl[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
