/**
 * Chart colours: each has at least 3:1 contrast against the white background (WCAG 2.1 1.4.11),
 * and each series also has a pattern (bars) or a dash and point shape (lines), so none is told
 * apart by colour alone.
 */
export const PALETTE = ['#1d4f91', '#b35806', '#1b7837', '#762a83', '#c51b7d', '#01665e', '#8c510a', '#4f5863'] as const;

export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'cross' | 'vertical' | 'horizontal' | 'back-diagonal';
export const PATTERNS: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'cross', 'vertical', 'horizontal', 'back-diagonal'];
export const DASHES: readonly number[][] = [[], [8, 4], [2, 3], [12, 3, 2, 3]];
export const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot'] as const;

/** The look of the i-th series: colour and pattern cycle at different lengths, so pairs repeat late. */
export function seriesStyle(i: number) {
  return {
    color: PALETTE[i % PALETTE.length]!,
    pattern: PATTERNS[i % PATTERNS.length]!,
    dash: DASHES[i % DASHES.length]!,
    pointStyle: POINT_STYLES[i % POINT_STYLES.length]!,
  };
}

/** WCAG relative luminance of `#rrggbb`. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
