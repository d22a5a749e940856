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
