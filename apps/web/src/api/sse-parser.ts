/** One Server-Sent Event as the stream sends it. */
export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Splits what has arrived into whole events and the unfinished rest (kept for the next chunk),
 * following the SSE format: fields up to a blank line, `:` lines are comments, `data` lines join.
 */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || id !== null) messages.push({ id, event, data: data.join('\n') });
  }
  return { messages, rest };
}

/** Waits between reconnections: 1 s, doubling, at most 15 s. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(15_000, 1000 * 2 ** Math.max(0, failures - 1));
}
