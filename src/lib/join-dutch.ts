import { t } from '../i18n/index.js';

/** Joins a list the Dutch way: "a, b en c". */
export function joinDutch(items: readonly (string | number)[]): string {
  const parts = items.map(String);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} ${t('lijst.en')} ${parts[parts.length - 1]}`;
}
