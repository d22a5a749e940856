/** Typed errors that the one error handler turns into an HTML page or application/problem+json. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export class NotFoundError extends HttpError {
  constructor(detail: string) {
    super(404, 'Niet gevonden', detail);
  }
}

export class ValidationError extends HttpError {
  constructor(
    detail: string,
    readonly invalidParams: { name: string; reason: string }[] = [],
  ) {
    super(400, 'Ongeldige invoer', detail);
  }
}

/** A save based on an older version than the one stored: refused, never silently overwritten. */
export class ConflictError extends HttpError {
  constructor(
    detail: string,
    /** The record as it is stored now, so the user can compare. */
    readonly current: unknown,
  ) {
    super(409, 'Conflict', detail);
  }
}

/**
 * Well-formed input that clashes with what is stored (a code or number already in use, a choice that no longer
 * exists): shown at its field on a form, and as invalidParams body.<field> in the API.
 */
export class FieldError extends ValidationError {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(detail, [{ name: `body.${field}`, reason: detail }]);
  }
}

/**
 * A change that a rule of the record kind refuses (a third focusdoel, archiving what others still need): 409 in the
 * API; on a form, shown at `field`, or at the archive button.
 */
export class RefusedError extends HttpError {
  constructor(
    title: string,
    detail: string,
    readonly field?: string,
  ) {
    super(409, title, detail);
  }
}

/** Whether a database error (possibly wrapped by Drizzle) is a violation of the named unique constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const { code, constraint: name, message } = current as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505' && (name === constraint || (name === undefined && String(message).includes(constraint)))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
