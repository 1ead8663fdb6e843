import { calendarDateOf } from '@referral/case';
import type { SimulationConfig } from '../simulation-config';
import type { Random } from './random';
import { stockholmInstant, weekdayOf } from './stockholm-clock';

/** Picks moments in the period the way cases arrive: more on weekdays, fewer in July, at the hours given. */
export class ArrivalCalendar {
  private readonly dayWeights: number[];

  constructor(private readonly random: Random, config: SimulationConfig, private readonly days: readonly string[]) {
    const { weekdayWeights, monthWeights } = config.calendar;
    this.dayWeights = days.map((day) => weekdayWeights[weekdayOf(day)]! * monthWeights[Number(day.slice(5, 7)) - 1]!);
  }

  /** A moment on a day of the period, at an hour drawn from `hourWeights` (24 weights, 00-23 local). */
  moment(hourWeights: readonly number[]): number {
    const day = this.days[this.random.weightedIndex(this.dayWeights)]!;
    return stockholmInstant(calendarDateOf(day), this.random.weightedIndex(hourWeights), this.random.int(0, 59), this.random.int(0, 59));
  }
}
