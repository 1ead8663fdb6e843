import { CaseCommand } from './case-commands';
import { CaseDecision } from './case-decision';
import { CaseState } from './case-state';
import { assignVolunteer, unassignVolunteer } from './handlers/assign-volunteer';
import { checkDeadlines } from './handlers/check-deadlines';
import { checkTriageWait } from './handlers/check-triage-wait';
import { closeCase } from './handlers/close-case';
import { erasePersonalData } from './handlers/erase-personal-data';
import { linkToOtherParty } from './handlers/link-to-other-party';
import { openLinkedCase } from './handlers/open-linked-case';
import { receiveHandover } from './handlers/receive-handover';
import { recordContact } from './handlers/record-contact';
import { registerCase } from './handlers/register-case';
import { resolveTriage } from './handlers/resolve-triage';

/** The case decider: which events a command produces on a case, or why it is refused. */
export function decideCase(command: CaseCommand, state: CaseState): CaseDecision {
  switch (command.type) {
    case 'ReceiveHandover':
      return receiveHandover(command, state);
    case 'RegisterCase':
      return registerCase(command, state);
    case 'ResolveTriage':
      return resolveTriage(command, state);
    case 'AssignVolunteer':
      return assignVolunteer(command, state);
    case 'UnassignVolunteer':
      return unassignVolunteer(command, state);
    case 'RecordContact':
      return recordContact(command, state);
    case 'LinkToOtherParty':
      return linkToOtherParty(command, state);
    case 'OpenLinkedCase':
      return openLinkedCase(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'CheckDeadlines':
      return checkDeadlines(command, state);
    case 'CheckTriageWait':
      return checkTriageWait(command, state);
    case 'ErasePersonalData':
      return erasePersonalData(command, state);
  }
}
