import { randomBytes } from 'node:crypto';
import { gcmOpen, gcmSeal, packBox, unpackBox } from '../src/aes-gcm';
import { MasterKeyRing, UnknownMasterKeyError, masterKeyId } from '../src/master-key-ring';

describe('AES-256-GCM boxes', () => {
  const key = randomBytes(32);

  it('opens what it sealed, with a fresh IV each time', () => {
    const a = gcmSeal(key, Buffer.from('Testa Exempel'), 'case-1');
    const b = gcmSeal(key, Buffer.from('Testa Exempel'), 'case-1');
    expect(a.iv.equals(b.iv)).toBe(false);
    expect(a.data.includes(Buffer.from('Testa'))).toBe(false);
    expect(gcmOpen(key, a, 'case-1').toString()).toBe('Testa Exempel');
    expect(gcmOpen(key, unpackBox(packBox(b)), 'case-1').toString()).toBe('Testa Exempel');
  });

  it('refuses another subject, another key, or a changed byte', () => {
    const box = gcmSeal(key, Buffer.from('0701234567'), 'case-1');
    expect(() => gcmOpen(key, box, 'case-2')).toThrow();
    expect(() => gcmOpen(randomBytes(32), box, 'case-1')).toThrow();
    const flipped = Buffer.from(box.data);
    flipped[0] ^= 1;
    expect(() => gcmOpen(key, { ...box, data: flipped }, 'case-1')).toThrow();
  });
});

describe('the master key ring', () => {
  const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];

  it('wraps with the current key and unwraps with any configured one', () => {
    const dataKey = randomBytes(32);
    const wrappedOld = new MasterKeyRing(oldKey).wrap('case-1', dataKey);
    const rotating = new MasterKeyRing(newKey, [oldKey]);
    expect(rotating.unwrap('case-1', wrappedOld).equals(dataKey)).toBe(true);
    expect(rotating.wrap('case-1', dataKey).masterKeyId).toBe(masterKeyId(newKey));
    expect(() => new MasterKeyRing(newKey).unwrap('case-1', wrappedOld)).toThrow(UnknownMasterKeyError);
    expect(() => rotating.unwrap('case-2', wrappedOld)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new MasterKeyRing(randomBytes(16))).toThrow(/32 bytes/);
  });
});
