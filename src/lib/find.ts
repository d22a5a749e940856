import { NotFoundError } from './errors.js';

/** The item with this id, or a 404 with the given message. */
export function findByIdOr404<T extends { id: string }>(items: readonly T[], id: string, message: string): T {
  const found = items.find((item) => item.id === id);
  if (!found) throw new NotFoundError(message);
  return found;
}
