/** A policy file that does not make sense. Raised at start-up; the message lists every problem. */
export class InvalidPolicyError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is not a valid policy: ${problems.join('; ')}`);
    this.name = 'InvalidPolicyError';
  }
}
