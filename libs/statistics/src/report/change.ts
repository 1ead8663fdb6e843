/** The change against the previous period as the yearly report writes it: `+34 %`, `-12 %`, `±0 %`; `–` when there was nothing before. */
export function formatChange(current: number, previous: number): string {
  if (previous === 0) return current === 0 ? '±0 %' : '–';
  const percent = Math.round(((current - previous) / previous) * 100);
  return percent === 0 ? '±0 %' : `${percent > 0 ? '+' : '-'}${Math.abs(percent)} %`;
}
