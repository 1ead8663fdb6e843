import { Writable } from 'node:stream';
import { createLogger, redactPersonalData } from '../src';

function capturingLogger(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const destination = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
  return { lines, logger: createLogger('trace', destination) };
}

describe('personal data in log lines', () => {
  it('redacts personal-data fields at any depth, and keeps the rest', () => {
    const { lines, logger } = capturingLogger();
    logger.info({
      caseId: 'c-1',
      person: { givenName: 'Testa' },
      command: { handover: { person: { phone: '+46 70 000 00 00' }, note: 'Polisens text' }, nested: [{ email: 'a@example.test' }] },
      data: { personalData: { sealed: 1 }, policeReportNumber: '5000-K1-25', personalIdentityNumber: '19850412-0000' },
      volunteer: { displayName: 'Anna Fiktiv' },
      req: { headers: { authorization: 'Bearer abc.def' }, body: { x: 1 } },
      err: { name: 'TypeError', message: 'boom' },
    }, 'something happened');
    const line = lines.join('');
    for (const secret of ['Testa', '+46 70', 'Polisens', 'a@example', '5000-K1', '19850412', 'Anna Fiktiv', 'abc.def']) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line)).toMatchObject({ caseId: 'c-1', err: { name: 'TypeError', message: 'boom' }, msg: 'something happened' });
  });

  it('survives cycles and very deep objects', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redactPersonalData(cyclic)).toEqual({ a: 1, self: '[circular]' });
    let deep: Record<string, unknown> = { phone: 'x' };
    for (let i = 0; i < 20; i++) deep = { deeper: deep };
    expect(JSON.stringify(redactPersonalData(deep))).not.toContain('"x"');
  });
});
