import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { PersonalDataVault } from '@referral/personal-data';
import { PERSONAL_DATA_VAULT } from '@referral/platform';

/** 32 random bytes in base64url: 43 characters, 256 bits. */
export const SURVEY_TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Survey tokens: random, made when a case is closed with `support-given`, handed on as the link.
 * The store and the read models find a survey by its id, an HMAC of the token under a secret of
 * the key table, so neither the token nor the case can be found from the other without the service.
 */
@Injectable()
export class SurveyTokens {
  constructor(@Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault) {}

  async make(): Promise<{ token: string; surveyId: string }> {
    const token = randomBytes(32).toString('base64url');
    return { token, surveyId: await this.idOf(token) };
  }

  async idOf(token: string): Promise<string> {
    return createHmac('sha256', await this.vault.systemSecret('survey-ids')).update(token).digest('base64url');
  }
}
