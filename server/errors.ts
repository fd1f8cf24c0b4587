import type { ApiError, ErrorCode } from '../common/api.js';

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  BAD_INPUT: 400,
  CYPHER_REFUSED: 403,
  CYPHER_TIMEOUT: 408,
  RATE_LIMITED: 429,
  BAD_CONFIG: 500,
  NOT_FOUND: 404,
  AMBIGUOUS: 409,
  EXPORT_INTERRUPTED: 503,
  NEO4J_UNAVAILABLE: 503,
  NEO4J_AUTH_FAILED: 503,
  NEO4J_ERROR: 502,
  JAVA_MISSING: 500,
  LAUNCHER_BUILD_FAILED: 500,
  NEO4J_START_FAILED: 500,
  ALREADY_RUNNING: 500,
  PORT_IN_USE: 500,
  INTERNAL: 500,
  CYPHER_INVALID: 400,
  CYPHER_MEMORY: 422,
  RESULT_TOO_LARGE: 413,
  BUSY: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  HOST_NOT_ALLOWED: 421,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  AUTH_REQUIRED: 500,
  FOREIGN_DATABASE: 409,
  FETCH_FAILED: 502,
};

/** An error meant for a user: a stable code and a message that says what was wrong and where. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  toJSON(): ApiError {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Anything thrown becomes an AppError; unknown errors keep their detail for logs only. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('INTERNAL', 'Something went wrong inside newsgraph; the server log has the details.', {
    cause: err,
  });
}
