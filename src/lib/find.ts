import { NotFoundError } from './errors.js';

/** The item with this id, or a 404 with the given message. */
export function findByIdOr404<T extends { id: string }>(items: readonly T[], id: string, message: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new NotFoundError(message);
  return found;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path parameter can be an id at all; anything else is simply not found, without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
