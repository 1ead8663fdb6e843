/**
 * A component's lease as its holder knows it. `token` grows with every change of holder (and
 * every re-acquisition): the fencing token that writes under the lease are checked against.
 */
export interface Lease {
  name: string;
  holder: string;
  token: bigint;
  /** How long it lasts past each renewal. */
  ttlMs: number;
}

/** Lease rows: one per component name, with the database's clock deciding expiry. */
export interface LeaseStore {
  /** Takes the lease when it is free or expired (or already this holder's); `null` while another holds it. */
  acquire(name: string, holder: string, ttlMs: number): Promise<Lease | null>;
  /** Extends the lease by `ttlMs` from now; `false` once it expired or went to another holder. */
  renew(lease: Lease, ttlMs: number): Promise<boolean>;
  /** Lets the lease expire now so a waiter takes it at its next try (a clean shutdown). */
  release(lease: Lease): Promise<void>;
}

/** A write under a lease found it gone (expired, or held by another with a higher token). */
export class LeaseLostError extends Error {
  constructor(readonly component: string, readonly token: bigint) {
    super(`The lease of ${component} (token ${token}) is no longer held`);
    this.name = 'LeaseLostError';
  }
}
