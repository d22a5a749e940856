import type { z } from 'zod';
import type { FormState } from '../views/form.js';

/** The posted form as plain strings; repeated fields (checkboxes) are joined with commas. */
export function formValues(body: unknown, fields: readonly string[]): Record<string, string> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const raw = source[field];
    if (Array.isArray(raw)) values[field] = raw.map(String).join(',');
    else if (typeof raw === 'string') values[field] = raw;
    else values[field] = '';
  }
  return values;
}

/**
 * Checks form values against a zod schema whose messages are Dutch; on failure returns the form with every
 * error at its field (the first error of a field wins) and the values exactly as typed.
 */
export function validateForm<S extends z.ZodType>(
  schema: S,
  values: Record<string, string>,
): { ok: true; data: z.infer<S> } | { ok: false; form: FormState } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !(field in errors)) errors[field] = issue.message;
  }
  return { ok: false, form: { values, errors } };
}

/** A local path to return to after logging in; anything else (another host, //evil) becomes the start page. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\r\n]/.test(value)) return '/';
  return value;
}
