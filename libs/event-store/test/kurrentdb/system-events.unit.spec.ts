import { isSystemEvent } from '../../src/kurrentdb/system-events';

describe('KurrentDB system events', () => {
  it.each([
    ['case-1', '$metadata'],
    ['$$case-1', '$metadata'],
    ['$projections-$all', 'ProjectionUpdated'],
    ['$ce-case', '$>'],
    ['$stats-0.0.0.0:2113', '$statsCollected'],
  ])('treats %s / %s as system', (streamId, type) => {
    expect(isSystemEvent(streamId, type)).toBe(true);
  });

  it.each([
    ['case-1', 'CaseReceived'],
    ['ärende-åäö', 'NoteAdded'],
    ['price-$5', 'Priced$'],
  ])('treats %s / %s as domain', (streamId, type) => {
    expect(isSystemEvent(streamId, type)).toBe(false);
  });
});
