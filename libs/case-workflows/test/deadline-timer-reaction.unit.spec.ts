import type { DeadlineTimer, DeadlineTimers } from '@referral/deadline-timers';
import type { EventStore, RecordedEvent } from '@referral/event-store';
import { CASE_ID, eventsOf, receiveHandover, recordContact } from '@referral/case/testing';
import { deadlineTimerReaction } from '../src/deadlines/deadline-timer-reaction';

/** The timers the reaction arms and cancels, by kind and due time. */
function recordingTimers() {
  const armed: string[] = [];
  const cancelled: string[] = [];
  const timers = {
    arm: async (timer: DeadlineTimer) => void armed.push(`${timer.kind}@${timer.dueAt}`),
    cancel: async (timer: DeadlineTimer) => void cancelled.push(`${timer.kind}@${timer.dueAt}`),
  } as unknown as DeadlineTimers;
  return { timers, armed, cancelled };
}

const recorded = (events: ReturnType<typeof eventsOf>, from = 0): RecordedEvent[] =>
  events.map((event, i) => ({
    id: `e-${from + i}`, type: event.type, data: event.data as unknown as Record<string, unknown>, metadata: { schemaVersion: 1, correlationId: 'c-1' },
    streamId: `case-${CASE_ID}`, revision: from + i, position: BigInt(from + i + 1), recordedAt: new Date(),
  }));

describe('the deadline-timer reaction', () => {
  const received = eventsOf(receiveHandover());
  const opening = recorded(received)[0]!;

  it("given a case's first event, arms its timers from that event without reading the stream", async () => {
    const reads: string[] = [];
    const store = { readStream: async (id: string) => (reads.push(id), []) } as unknown as EventStore;
    const { timers, armed, cancelled } = recordingTimers();
    await deadlineTimerReaction(store, timers).react(opening);
    expect(reads).toEqual([]);
    expect(armed.map((t) => t.split('@')[0]).sort()).toEqual(['at-risk', 'first-contact', 'reach-attempts']);
    expect(cancelled).toEqual([]);
  });

  it('given a later event, sets the timers from the stream as it is now', async () => {
    const contacted = eventsOf(recordContact(), received);
    const history = recorded([...received, ...contacted]);
    const reads: string[] = [];
    const store = { readStream: async (id: string) => (reads.push(id), history) } as unknown as EventStore;
    const { timers, armed, cancelled } = recordingTimers();
    await deadlineTimerReaction(store, timers).react(history[history.length - 1]!);
    expect(reads).toEqual([`case-${CASE_ID}`]);
    // The first contact stops the first-contact clock: its timers are cancelled, not armed.
    expect(cancelled.some((t) => t.startsWith('first-contact@'))).toBe(true);
    expect(armed.some((t) => t.startsWith('first-contact@'))).toBe(false);
  });
});
