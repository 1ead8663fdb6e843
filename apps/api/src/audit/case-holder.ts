import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '@referral/platform';
import type { SqlExecutor } from '@referral/sql';

export interface CaseHolder {
  org: string;
  assigneeId: string | null;
}

/**
 * Who holds a case, from the case list view: enough to decide who may read its audit trail
 * without opening the case's personal data to do so.
 */
@Injectable()
export class CaseHolders {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqlExecutor) {}

  async holderOf(caseId: string): Promise<CaseHolder | null> {
    const { rows } = await this.db.query<{ org: string; assignee_id: string | null }>(
      'SELECT org, assignee_id FROM case_list WHERE case_id = $1',
      [caseId],
    );
    return rows[0] ? { org: rows[0].org, assigneeId: rows[0].assignee_id } : null;
  }
}
