import { GENESIS_HASH, InvalidAuditCursorError, canonicalJson, chainHash, decodeAuditCursor, encodeAuditCursor } from '@referral/audit';

describe('audit chain', () => {
  it('writes the same JSON whatever the key order, leaving out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[2,{"y":"x","z":null}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('hashes the previous hash together with the content', () => {
    const first = chainHash(GENESIS_HASH, '{"seq":1}');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, '{"seq":1}')).toBe(first);
    expect(chainHash(first, '{"seq":1}')).not.toBe(first);
    expect(chainHash(GENESIS_HASH, '{"seq":2}')).not.toBe(first);
  });

  it('reads back only the cursors it hands out', () => {
    expect(decodeAuditCursor(encodeAuditCursor(1234))).toBe(1234);
    for (const forged of ['', 'abc', Buffer.from('a:-1').toString('base64url'), Buffer.from('o:5').toString('base64url')]) {
      expect(() => decodeAuditCursor(forged)).toThrow(InvalidAuditCursorError);
    }
  });
});
