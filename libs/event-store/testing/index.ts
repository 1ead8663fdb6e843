import type { EventStore } from '@referral/event-store';
import { describeAppendContract } from './append.contract';
import { describeHeadContract } from './head.contract';
import { describeMultiStreamAppendContract } from './multi-stream-append.contract';
import { describeReadContract } from './read.contract';
import { describeSubscribeContract } from './subscribe.contract';

export interface EventStoreHarness {
  store: EventStore;
  /** closes and opens the same store again (durability) */
  reopen(): Promise<EventStore>;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  skipReason?: string;
  /**
   * Whether an event id is unique across all streams. PostgreSQL enforces it; KurrentDB knows
   * event ids per stream only, so there the same ids in another stream are a new batch.
   * @defaultValue true
   */
  eventIdsUniqueAcrossStreams?: boolean;
  /**
   * Whether each test's store is fresh and written by that test alone, so the head and counts
   * are exact (a fresh database); `false` on a shared server, where they are checked as bounds.
   * @defaultValue true
   */
  exclusive?: boolean;
}

/** Gives each contract test the harness of the current test. */
export type HarnessAccess = () => EventStoreHarness;

/**
 * The behaviour every EventStore adapter must show, written against the port only. With
 * `skipReason` the suite is registered skipped and the reason printed, so a missing backend is
 * visible in the output rather than silently absent.
 */
export function describeEventStoreContract(
  backend: string,
  open: () => Promise<EventStoreHarness>,
  options: ContractOptions = {},
): void {
  const title = `EventStore contract on ${backend}`;
  const describeOrSkip = options.skipReason ? describe.skip : describe;
  if (options.skipReason) console.log(`${title} skipped: ${options.skipReason}`);
  describeOrSkip(title, () => {
    let harness: EventStoreHarness | undefined;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      await harness?.dispose();
      harness = undefined;
    });
    const current: HarnessAccess = () => {
      if (!harness) throw new Error('The contract harness is not open');
      return harness;
    };
    describeAppendContract(current, options.eventIdsUniqueAcrossStreams ?? true);
    describeMultiStreamAppendContract(current);
    describeReadContract(current);
    describeSubscribeContract(current);
    describeHeadContract(current, options.exclusive ?? true);
  });
}
