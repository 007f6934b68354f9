/**
 * Errors with stable codes. Services throw AppError; the errors plugin turns it into
 * `{"error": {"code", "message", "details"}}` with the right status.
 * Messages are English defaults; clients translate by `code`.
 */
export interface ErrorDetail {
  /** JSON path of the offending field, e.g. `/email` or `/members/0/role`. */
  path?: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthorized = (message = 'You need to log in to do this.') =>
  new AppError(401, 'unauthorized', message);

export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', message);

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);

export const conflict = (code: string, message: string) => new AppError(409, code, message);

/** A 422 naming one field; `path` is a JSON pointer such as `/slug`. */
export const invalidField = (path: string, message: string, code = 'invalid') =>
  new AppError(422, 'validation_failed', `Invalid value at ${path}: ${message}`, [{ path, message, code }]);
