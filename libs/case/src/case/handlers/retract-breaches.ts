import { deadlineFact } from '../../deadlines/deadline-facts';
import { ruleMetBy } from '../../deadlines/deadline-rules';
import { DEADLINE_RULES, DeadlineBreachRetracted } from '../deadline-events';
import { ContactFact } from '../case-state';
import { OpenCase } from './workable-case';

/**
 * The retractions a new contact brings: for each breach recorded and standing, whether the
 * contact (at or before that deadline) shows the rule met after all. First contact: the contact
 * is towards the person. Reach attempts: with it, counting contacts at or before the due instant,
 * the person was reached or the rule holds. A contact after the due instant retracts nothing.
 */
export function breachRetractions(
  record: OpenCase,
  contact: ContactFact,
  now: string,
  by: string | undefined,
): DeadlineBreachRetracted[] {
  const terms = record.sla;
  if (terms === null) return [];
  const contacts = [...record.contacts, contact];
  return DEADLINE_RULES.flatMap((rule): DeadlineBreachRetracted[] => {
    const fact = deadlineFact(record.deadlines, rule);
    if (fact === null || fact.missedAt === null || fact.retractedAt !== null) return [];
    if (Date.parse(contact.at) > Date.parse(fact.dueAt) || !ruleMetBy(rule, contacts, terms, fact.dueAt)) return [];
    return [
      {
        type: 'DeadlineBreachRetracted',
        data: {
          caseId: record.caseId,
          org: record.org,
          rule,
          at: now,
          dueAt: fact.dueAt,
          metAt: contact.at,
          ...(by !== undefined ? { by } : {}),
        },
      },
    ];
  });
}
