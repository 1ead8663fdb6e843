import { SlaPolicy } from '../../config/sla-policy';
import { conflict } from '../../shared/domain-error';
import { CaseDecision } from '../case-decision';
import { OpenLinkedCase } from '../case-commands';
import { PersonLinked } from '../case-events';
import { CaseRecord, CaseState } from '../case-state';
import { PersonalData, personalData } from '../personal-data';
import { suggestsLink } from './intake-facts';

/** The receiver's case after a link: received at the link's moment, with the person's data. */
export function openLinkedCase(command: OpenLinkedCase, state: CaseState): CaseDecision {
  if (state.status !== 'none') {
    return { ok: false, error: conflict('case-already-exists', `Case ${command.caseId} already exists`) };
  }
  const routing = command.sourceRouting;
  return {
    ok: true,
    events: [
      {
        type: 'CaseReceived',
        data: {
          caseId: command.caseId,
          org: command.to,
          status: 'open',
          source: 'link',
          at: command.at,
          linkedFrom: command.from,
          routing: {
            routedTo: command.to,
            reason: 'linked',
            subjectAge: routing.subjectAge,
            ageSource: routing.ageSource,
            birthDateMismatch: routing.birthDateMismatch,
            ...(routing.matchedArea ? { matchedArea: routing.matchedArea } : {}),
          },
          linkSuggested: suggestsLink(command.to, routing.subjectAge),
          anonymous: command.anonymous,
          crime: command.crime,
          person: command.person,
          ...(command.area ? { area: command.area } : {}),
          sla: command.sla.byOrg[command.to],
          ...(command.by !== undefined ? { by: command.by } : {}),
          personalData: command.personalData,
        },
      },
    ],
  };
}

/**
 * The command that opens the receiver's case, from the linking case and its `PersonLinked`. The
 * person's data travels along; the link's note replaces the source case's note.
 */
export function openLinkedCaseCommand(source: CaseRecord, linked: PersonLinked, sla: SlaPolicy): OpenLinkedCase {
  const { note: _sourceNote, ...carried }: PersonalData = source.personalData ?? {};
  const note = linked.data.personalData?.note;
  return {
    type: 'OpenLinkedCase',
    caseId: linked.data.linkedCaseId,
    from: { caseId: source.caseId, org: linked.data.org },
    to: linked.data.to,
    at: linked.data.at,
    crime: source.crime,
    person: source.person,
    ...(source.area ? { area: source.area } : {}),
    anonymous: source.anonymous,
    sourceRouting: source.routing,
    personalData: source.personalData === null ? null : personalData({ ...carried, note }),
    sla,
    ...(linked.data.by !== undefined ? { by: linked.data.by } : {}),
  };
}
