import { FeedWindow, type RecordedEvent } from '@referral/event-store';

function at(position: number): RecordedEvent {
  return { id: `e${position}`, type: 'Noted', data: {}, metadata: { schemaVersion: 1 }, streamId: 's', revision: position, position: BigInt(position), recordedAt: new Date(0) };
}

const positions = (answer: ReturnType<FeedWindow['take']>) => (answer.kind === 'events' ? answer.events.map((e) => Number(e.position)) : answer.kind);

describe('FeedWindow', () => {
  it('given no anchor, when asked, then every reader is ahead of it', () => {
    expect(new FeedWindow(4).take(null, 10)).toEqual({ kind: 'ahead' });
  });

  it('given events after its anchor, when asked from inside it, then it answers what follows the checkpoint, at most max', () => {
    const window = new FeedWindow(10);
    window.anchor(2n);
    window.push([at(3), at(5), at(8)]);
    expect(positions(window.take(2n, 10))).toEqual([3, 5, 8]);
    expect(positions(window.take(3n, 1))).toEqual([5]);
    expect(positions(window.take(4n, 10))).toEqual([5, 8]); // a checkpoint between positions (gaps are normal)
    expect(positions(window.take(5n, 10))).toEqual([8]);
    expect(positions(window.take(8n, 10))).toBe('at-tail');
    expect(positions(window.take(9n, 10))).toBe('ahead');
    expect(positions(window.take(1n, 10))).toBe('behind');
  });

  it('given more events than its capacity, when asked, then the oldest are dropped and their readers are behind', () => {
    const window = new FeedWindow(3);
    window.anchor(null);
    window.push([at(1), at(2), at(3), at(4), at(5)]);
    expect(window.size).toBe(3);
    expect(positions(window.take(null, 10))).toBe('behind');
    expect(positions(window.take(1n, 10))).toBe('behind');
    expect(positions(window.take(2n, 10))).toEqual([3, 4, 5]);
    for (let p = 6; p < 20; p++) window.push([at(p)]);
    expect(positions(window.take(16n, 10))).toEqual([17, 18, 19]);
    expect(positions(window.take(15n, 10))).toBe('behind');
  });

  it('given an anchor from the start, when asked from the start, then it answers from the first event', () => {
    const window = new FeedWindow(3);
    window.anchor(null);
    expect(positions(window.take(null, 10))).toBe('at-tail');
    window.push([at(0), at(1)]);
    expect(positions(window.take(null, 10))).toEqual([0, 1]);
  });

  it('given events that do not follow its end, when pushed, then it refuses them and keeps what it had', () => {
    const window = new FeedWindow(3);
    window.anchor(5n);
    window.push([at(6)]);
    expect(() => window.push([at(6)])).toThrow('does not follow');
    expect(positions(window.take(5n, 10))).toEqual([6]);
  });

  it('given a reset, when asked, then readers are ahead again', () => {
    const window = new FeedWindow(3);
    window.anchor(1n);
    window.push([at(2)]);
    window.reset();
    expect(positions(window.take(2n, 10))).toBe('ahead');
    expect(() => new FeedWindow(0)).toThrow(RangeError);
  });
});
