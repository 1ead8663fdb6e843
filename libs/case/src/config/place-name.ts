/**
 * The key under which a municipality or district name is matched: case, diacritics, and the
 * spelling of separators do not matter ("Hägersten–Älvsjö", "hagersten-alvsjo",
 * "HAGERSTEN ALVSJO" are one key).
 */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015_.]+/g, ' ')
    .trim();
}
