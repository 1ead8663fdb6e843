import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { VolunteerSuggestionsAnswer } from '../volunteers/dto/volunteer-views.dto';
import { formatCalendarDate, localDateOf } from '@referral/case';
import { CaseQueries, InvalidCursorError, type CaseDetail, type CasePage, type CaseSurvey, type VolunteerSuggestion } from '@referral/read-models';
import { Roles } from '../auth/access.decorators';
import type { CommandContext } from '../commands/command-context';
import { Context } from '../commands/request-context.decorator';
import { ApiException } from '../http/api-exception';
import type { HandoverAnswer } from '../intake/handover-claim';
import { CaseAccess } from './case-access';
import { CaseListQuery } from './dto/case-list.query';
import { RegisterCaseDto } from './dto/register-case.dto';
import { AssignmentDto, ClosureDto, ContactDto, ErasureDto, LinkDto, TriageDto } from './dto/working.dto';
import { AssignVolunteerCommand } from './use-cases/assign-volunteer';
import { CloseCaseCommand } from './use-cases/close-case';
import { ErasePersonalDataCommand } from './use-cases/erase-personal-data';
import { LinkCaseCommand } from './use-cases/link-case';
import { RecordContactCommand } from './use-cases/record-contact';
import { RegisterCaseCommand } from './use-cases/register-case';
import { ResolveTriageCommand } from './use-cases/resolve-triage';

const WORKERS = ['coordinator', 'staff', 'volunteer'] as const;
const caseId = new ParseUUIDPipe({ exceptionFactory: () => new ApiException(404, 'case-not-found', 'No such case') });

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CaseQueries,
    private readonly access: CaseAccess,
  ) {}

  @Post()
  @Roles(...WORKERS)
  register(@Body() body: RegisterCaseDto, @Context() context: CommandContext): Promise<HandoverAnswer> {
    return this.commands.execute(new RegisterCaseCommand(body, context));
  }

  /** The caller's worklist, most urgent first (contract v1.1). */
  @Get()
  @Roles(...WORKERS)
  async list(@Query() query: CaseListQuery, @Context() context: CommandContext): Promise<CasePage> {
    const scope = await this.access.scopeOf(context.caller);
    const assigneeFilter = query.assignee === 'me' ? await this.myVolunteerIds(context) : query.assignee ? [query.assignee] : undefined;
    // `assignee=me` is the caller's own cases only, whatever the role (contract v1.1): a volunteer's
    // scope adds the unassigned ones only to the unfiltered list.
    const assigneeIds = scope.volunteerIds && assigneeFilter ? scope.volunteerIds.filter((id) => assigneeFilter.includes(id)) : scope.volunteerIds ?? assigneeFilter;
    try {
      return await this.queries.listCases({
        orgs: scope.orgs,
        assigneeIds,
        includeUnassigned: scope.volunteerIds && !assigneeFilter ? scope.includeUnassigned : false,
        status: query.status,
        slaState: query.slaState,
        limit: query.limit ?? 50,
        cursor: query.cursor,
        now: context.now,
      });
    } catch (error) {
      if (error instanceof InvalidCursorError) {
        throw new ApiException(400, 'validation-failed', 'The request is not valid', [{ path: 'cursor', message: 'is not a cursor this list handed out' }]);
      }
      throw error;
    }
  }

  @Get(':id')
  @Roles(...WORKERS)
  async get(@Param('id', caseId) id: string, @Context() context: CommandContext): Promise<CaseDetail> {
    return this.view(id, context);
  }

  /** A coordinator assigns or unassigns (`null`); a volunteer takes an unassigned case with `"me"`. */
  @Post(':id/assignment')
  @HttpCode(200)
  @Roles('coordinator', 'volunteer')
  async assign(@Param('id', caseId) id: string, @Body() body: AssignmentDto, @Context() context: CommandContext) {
    await this.commands.execute(new AssignVolunteerCommand(id, body.volunteerId, context));
    return this.view(id, context);
  }

  /** Who could take the case: speakers of the person's preferred language first, then fewest open cases. */
  @Get(':id/volunteer-suggestions')
  @Roles('coordinator')
  @ApiOkResponse({ type: VolunteerSuggestionsAnswer })
  async suggestions(@Param('id', caseId) id: string, @Context() context: CommandContext): Promise<{ items: VolunteerSuggestion[]; nextCursor: null }> {
    const found = await this.queries.caseForSuggestions(id);
    await this.access.checkView(context.caller, found);
    const today = formatCalendarDate(localDateOf(context.now.getTime()));
    // A person who gave no preferred language is taken as Swedish-speaking (intake leaves `sv` out).
    const language = found!.preferredLanguage ?? 'sv';
    return { items: await this.queries.suggestVolunteers({ org: found!.org, language, today }), nextCursor: null };
  }

  @Post(':id/contacts')
  @Roles(...WORKERS)
  async contact(@Param('id', caseId) id: string, @Body() body: ContactDto, @Context() context: CommandContext) {
    await this.commands.execute(new RecordContactCommand(id, body, context));
    return this.view(id, context);
  }

  @Post(':id/links')
  @Roles(...WORKERS)
  async link(@Param('id', caseId) id: string, @Body() body: LinkDto, @Context() context: CommandContext) {
    await this.commands.execute(new LinkCaseCommand(id, body, context));
    return this.view(id, context);
  }

  @Post(':id/triage')
  @HttpCode(200)
  @Roles('coordinator')
  async triage(@Param('id', caseId) id: string, @Body() body: TriageDto, @Context() context: CommandContext) {
    if (context.caller.org !== 'city') throw new ApiException(404, 'case-not-found', 'No such case');
    await this.commands.execute(new ResolveTriageCommand(id, body, context));
    return { caseId: id, routedTo: body.routeTo, status: 'open' };
  }

  @Post(':id/closure')
  @HttpCode(200)
  @Roles(...WORKERS)
  async close(@Param('id', caseId) id: string, @Body() body: ClosureDto, @Context() context: CommandContext) {
    await this.commands.execute(new CloseCaseCommand(id, body, context));
    return this.view(id, context);
  }

  /** Crypto-shredding: the case answers with its facts, its personal data shown as erased. */
  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('coordinator')
  async erase(@Param('id', caseId) id: string, @Body() body: ErasureDto, @Context() context: CommandContext) {
    await this.commands.execute(new ErasePersonalDataCommand(id, body, context));
    return this.view(id, context);
  }

  private async view(id: string, context: CommandContext): Promise<CaseDetail & { survey?: CaseSurvey }> {
    const detail = await this.queries.getCase(id, { now: context.now });
    if (!detail) throw new ApiException(404, 'case-not-found', 'No such case');
    await this.access.checkView(context.caller, detail);
    const survey = detail.status === 'closed' ? await this.queries.caseSurvey(id) : null;
    return survey ? { ...detail, survey } : detail;
  }

  private myVolunteerIds(context: CommandContext): Promise<string[]> {
    return this.queries.findVolunteerIdsByUserId(context.caller.org, context.caller.sub);
  }
}
