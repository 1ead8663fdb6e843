import { SlaTerms } from '../config/sla-policy';
import { secondOfDay } from '../time/time-of-day';
import { localSecondOfDay } from '../time/zoned-time';

/** Whether an instant falls in the evening window, local time: from its start, up to its end. */
export function isInEveningWindow(instantMs: number, sla: Pick<SlaTerms, 'eveningWindow' | 'timeZone'>): boolean {
  const second = localSecondOfDay(instantMs, sla.timeZone);
  return second >= secondOfDay(sla.eveningWindow.from) && second < secondOfDay(sla.eveningWindow.to);
}
