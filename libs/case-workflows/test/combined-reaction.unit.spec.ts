import type { RecordedEvent } from '@referral/event-store';
import { combinedReaction } from '../src/combined-reaction';
import type { Reaction } from '../src/reactor';

const event = (type: string) => ({ type, data: {}, position: 1n }) as unknown as RecordedEvent;

describe('combined reactions', () => {
  it('hands each event only to the reactions that handle its type, in order, and handles their union', async () => {
    const calls: string[] = [];
    const of = (name: string, types: string[]): Reaction => ({ name, handles: new Set(types), react: async (e) => void calls.push(`${name}:${e.type}`) });
    const combined = combinedReaction('both', [of('a', ['X', 'Y']), of('b', ['Y'])]);
    expect([...combined.handles!].sort()).toEqual(['X', 'Y']);
    for (const type of ['X', 'Y', 'Z']) await combined.react(event(type));
    expect(calls).toEqual(['a:X', 'a:Y', 'b:Y']);
  });

  it('sees every event when one of its reactions does not say what it handles', async () => {
    const seen: string[] = [];
    const combined = combinedReaction('all', [{ name: 'any', react: async (e) => void seen.push(e.type) }]);
    expect(combined.handles).toBeUndefined();
    await combined.react(event('Z'));
    expect(seen).toEqual(['Z']);
  });
});
