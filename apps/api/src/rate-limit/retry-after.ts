import type { Clock } from '@referral/platform';
import type { WindowCount } from './fixed-window-counter';

/** Whole seconds until the window ends, at least one (Retry-After takes seconds). */
export function retryAfterSeconds(count: WindowCount, clock: Clock): number {
  return Math.max(1, Math.ceil((count.resetsAt - clock.now().getTime()) / 1000));
}
