import { RecordTraining } from '../src/training/training-commands';
import { trainingDecider } from '../src/training/decide-training';
import { deciderSpec } from '../testing/decider-spec';

const spec = deciderSpec(trainingDecider);
const AT = '2025-06-02T08:00:00.000Z';

const record = (changes: Partial<RecordTraining> = {}): RecordTraining => ({
  type: 'RecordTraining',
  trainingId: 'tr-1',
  org: 'boj-vasterort',
  kind: 'basic',
  on: '2025-05-20',
  participants: ['vol-1', 'vol-2'],
  volunteersOfOrg: new Set(['vol-1', 'vol-2', 'vol-3']),
  at: AT,
  by: 'coord-1',
  ...changes,
});

describe('training sessions', () => {
  it('given none, when a basic session is recorded, then TrainingHeld with its participants', () =>
    spec.given([]).when(record({ topic: ' Bemötande ' })).then([
      {
        type: 'TrainingHeld',
        data: { trainingId: 'tr-1', org: 'boj-vasterort', kind: 'basic', on: '2025-05-20', topic: 'Bemötande', participants: ['vol-1', 'vol-2'], at: AT, by: 'coord-1' },
      },
    ]));

  it('records a further session held today (Stockholm), without a topic', () =>
    spec.given([]).when(record({ kind: 'further', on: '2025-06-02' })).thenEvents(([event]) => {
      expect(event!.data).toMatchObject({ kind: 'further', on: '2025-06-02' });
      expect(event!.data).not.toHaveProperty('topic');
    }));

  it('refuses a participant who is not a volunteer of the org, naming their place, and one listed twice', () =>
    spec.given([]).when(record({ participants: ['vol-1', 'vol-9', 'vol-1'] })).thenFailure(({ error }) =>
      expect(error.details).toEqual([
        { path: 'participants[1]', message: 'is not a volunteer of boj-vasterort' },
        { path: 'participants[2]', message: 'is listed twice' },
      ])));

  it('refuses an unknown kind, a bad or future date, an empty topic and no participants', () =>
    spec.given([]).when(record({ kind: 'advanced', on: '2025-06-03', topic: ' ', participants: [] })).thenFailure(({ error }) =>
      expect(error.details?.map((d) => d.path)).toEqual(['kind', 'on', 'topic', 'participants'])));

  it('the day is Stockholm\'s: late on 1 June UTC is already 2 June there', () =>
    spec.given([]).when(record({ on: '2025-06-02', at: '2025-06-01T22:30:00Z' })).thenEvents(([event]) => expect(event!.data).toMatchObject({ on: '2025-06-02' })));

  it('a session is recorded once', () =>
    spec.given([{ type: 'TrainingHeld', data: { trainingId: 'tr-1', org: 'boj-vasterort', kind: 'basic', on: '2025-05-20', participants: ['vol-1'], at: AT } }])
      .when(record()).thenFails('training-already-recorded'));
});
