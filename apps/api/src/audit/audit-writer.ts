import { Inject, Injectable } from '@nestjs/common';
import { AUDIT_LOG, type AuditLog } from '@referral/audit';
import { CLOCK, type Clock } from '@referral/platform';
import { auditRecordOf, type AuditedExchange } from './audit-record.factory';

/** Builds a request's audit record and appends it; the time comes from the injected clock. */
@Injectable()
export class AuditWriter {
  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(exchange: Omit<AuditedExchange, 'at'>): Promise<void> {
    exchange.notes.recorded = true;
    await this.log.append(auditRecordOf({ ...exchange, at: this.clock.now() }));
  }
}
