import type { VolunteerEvent } from '@referral/case';
import { genderKey } from '../gender-key';

/** What statistics keep of one volunteer (no name, no user id): org, gender key, active days. */
export interface StatsVolunteer {
  readonly volunteerId: string;
  readonly org: string;
  readonly genderKey: string;
  /** `YYYY-MM-DD`. */
  readonly activeFrom: string;
  readonly activeUntil: string | null;
}

/**
 * The volunteer after `event` (pure): registered once (a second registration changes nothing),
 * deactivated by setting the last active day; `null` stays `null` for one never registered.
 */
export function evolveStatsVolunteer(record: StatsVolunteer | null, event: VolunteerEvent): StatsVolunteer | null {
  if (event.type === 'VolunteerRegistered') {
    if (record) return record;
    const { data } = event;
    return { volunteerId: data.volunteerId, org: data.org, genderKey: genderKey(data.gender, data.genderLabel), activeFrom: data.activeFrom, activeUntil: null };
  }
  if (event.type === 'VolunteerLanguagesChanged') return record;
  return record ? { ...record, activeUntil: event.data.activeUntil } : null;
}
