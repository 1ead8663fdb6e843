/** What a log line says about an error. */
export interface ErrorFields {
  name: string;
  /** The driver's or the system's code (`ECONNREFUSED`, pg's SQLSTATE `57P01`), when it has one. */
  code?: string;
  message: string;
}

/**
 * The error as a log line may carry it. pg names every error "error", so the code and message
 * are what tell one failure from another. Messages of our own errors and of pg and the drivers
 * hold no personal data (pg keeps row values in `detail`, which is left out); a cause's code is
 * used when the error itself has none.
 */
export function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { name: typeof error, message: typeof error === 'string' ? error : '' };
  const code = codeOf(error) ?? codeOf(error.cause);
  return { name: error.name, ...(code === undefined ? {} : { code }), message: error.message };
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string') return code;
  return typeof code === 'number' ? String(code) : undefined;
}
