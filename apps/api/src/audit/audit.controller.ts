import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AUDIT_LOG, InvalidAuditCursorError, type AuditLog, type AuditPage } from '@referral/audit';
import { CurrentCaller, Roles } from '../auth/access.decorators';
import { hasRole, type Caller } from '../auth/caller';
import { CaseAccess } from '../cases/case-access';
import { ApiException } from '../http/api-exception';
import { noteCaseGrant } from './access-notes';
import { CaseHolders } from './case-holder';
import { AuditListQuery } from './dto/audit-list.query';

/**
 * A case's audit trail. A coordinator reads it for the cases their org holds (another org's
 * case is "not found", exactly as `GET /cases/{id}` answers). An admin reads it for any case of
 * any org, also one no longer or never in the case views: the trail is how a complaint about
 * who looked at a case is answered, and it holds no personal data of the support seeker.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Roles('coordinator', 'admin')
export class AuditController {
  constructor(
    @Inject(AUDIT_LOG) private readonly log: AuditLog,
    private readonly holders: CaseHolders,
    private readonly access: CaseAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: "Who read or changed a case, when, from where and why it was allowed, oldest first" })
  @ApiOkResponse({ description: '{"items": [audit records], "nextCursor": string | null}' })
  @ApiNotFoundResponse({ description: "No such case, or another org's case (coordinators)" })
  async list(@Query() query: AuditListQuery, @CurrentCaller() caller: Caller): Promise<AuditPage> {
    if (hasRole(caller, 'admin')) noteCaseGrant('admin reads the audit trail of any case');
    else await this.access.checkView(caller, await this.holders.holderOf(query.caseId));
    try {
      return await this.log.query({ caseId: query.caseId, limit: query.limit ?? 50, cursor: query.cursor });
    } catch (error) {
      if (error instanceof InvalidAuditCursorError) {
        throw new ApiException(400, 'validation-failed', 'The request is not valid', [
          { path: 'cursor', message: 'is not a cursor this list handed out' },
        ]);
      }
      throw error;
    }
  }
}
