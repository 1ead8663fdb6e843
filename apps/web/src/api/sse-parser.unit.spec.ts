import { describe, expect, it } from 'vitest';
import { parseSse, reconnectDelayMs } from './sse-parser';

describe('reading Server-Sent Events', () => {
  it('given whole events and a partial one, returns the whole ones and keeps the rest', () => {
    const { messages, rest } = parseSse('id: 7\nevent: sla\ndata: {"a":1}\n\n: keep-alive\n\nid: 8\ndata: {"b"');
    expect(messages).toEqual([{ id: '7', event: 'sla', data: '{"a":1}' }]);
    expect(rest).toBe('id: 8\ndata: {"b"');
  });
  it('joins data lines and reads CRLF line ends', () => {
    expect(parseSse('data: one\r\ndata: two\r\n\r\n').messages).toEqual([{ id: null, event: 'message', data: 'one\ntwo' }]);
  });
  it('waits longer after each failure, at most 15 s', () => {
    expect([1, 2, 3, 10].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 15000]);
  });
});
