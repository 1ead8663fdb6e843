import { Writable } from 'node:stream';

/** The fields every line of the service's log has; the rest depend on the line. */
export interface LogLine {
  level: number;
  msg: string;
  component?: string;
  [field: string]: unknown;
}

/** The service's log lines, parsed, as they are written (pass `destination` as its log destination). */
export function capturedLog<Line extends { level: number; msg: string } = LogLine>(): { destination: Writable; lines: Line[] } {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Line);
      done();
    },
  });
  return { destination, lines };
}
