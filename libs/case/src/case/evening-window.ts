import { SlaTerms } from '../config/sla-policy';
import { localSecondOfDay } from '../time/zoned-time';

const secondOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;

/** Whether an instant falls in the evening window, local time: from its start, up to its end. */
export function isInEveningWindow(instantMs: number, sla: Pick<SlaTerms, 'eveningWindow' | 'timeZone'>): boolean {
  const second = localSecondOfDay(instantMs, sla.timeZone);
  return second >= secondOfDay(sla.eveningWindow.from) && second < secondOfDay(sla.eveningWindow.to);
}
