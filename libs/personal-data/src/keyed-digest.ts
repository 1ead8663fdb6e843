import { createHmac } from 'node:crypto';
import type { PersonalDataVault } from './personal-data-vault';

/**
 * HMAC-SHA-256 of a text under one of the vault's system secrets (it lives as long as the key
 * table, wrapped by the master key): an index of personal data that cannot be confirmed by
 * hashing guesses without the key.
 */
export class KeyedDigest {
  private key: Promise<Buffer> | null = null;

  constructor(
    private readonly vault: PersonalDataVault,
    private readonly secretName: string,
  ) {}

  async digest(text: string): Promise<string> {
    this.key ??= this.vault.systemSecret(this.secretName);
    try {
      return createHmac('sha256', await this.key).update(text, 'utf8').digest('base64url');
    } catch (error) {
      this.key = null;
      throw error;
    }
  }
}
