import { InvalidCursorError } from '../src';
import { decodeListCursor, encodeListCursor } from '../src/cases/list-cursor';

describe('list cursor', () => {
  it('reads back the sort key it was made from, in every group', () => {
    for (const key of [{ group: 1, at: '2025-06-10T12:00:00.000Z', caseId: 'c-1' }, { group: 4, at: '2025-06-01T00:00:00.000Z', caseId: 'ärende/ä 1' }]) {
      const cursor = encodeListCursor(key);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeListCursor(cursor)).toEqual(key);
    }
  });

  it('refuses anything else with a typed error that says nothing of the input', () => {
    const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url');
    for (const text of ['', '=', 'a b', encode('{"g":1,"a":"2025-06-10","c":"x"}'), encode('{"g":1,"a":"2025-06-10T12:00:00.000Z","c":""}'),
      encode('{"g":5,"a":"2025-06-10T12:00:00.000Z","c":"x"}'), encode('{"g":1,"a":null,"c":"x"}'), encode('{"d":null,"c":"x"}'), encode('null')]) {
      expect(() => decodeListCursor(text)).toThrow(InvalidCursorError);
    }
    expect(() => decodeListCursor('secret-ish')).toThrow('The cursor is not one this list handed out');
  });
});
