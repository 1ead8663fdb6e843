/**
 * Whether an error means a server could not be reached (yet): worth waiting for at start-up.
 * Anything else (a wrong password, a master key that does not fit, a bad URL) stops start-up.
 */
export function isBackendUnavailable(error: unknown): boolean {
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause);
  if (code !== undefined && (NETWORK_CODES.has(code) || /^08|^57P0[1-3]$/.test(code))) return true;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'UnavailableError' || name === 'DeadlineExceededError') return true; // KurrentDB client
  // pg says so in words when the server closes the socket during the handshake.
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout expired|connect ECONNREFUSED/i.test(message);
}

/** Socket errors of the system, and pg's SQLSTATE classes 08 (connection) and 57P01-03 (shutting down, starting). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
