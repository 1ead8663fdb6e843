import { describe, expect, it } from 'vitest';
import { csvFileName, formatAverage, formatChange, formatMonth, formatNumber, formatShare } from './format';

describe('statistics formatting', () => {
  it('writes changes as the yearly report does, a dash with nothing before', () => {
    expect([formatChange(34, 'sv'), formatChange(-12, 'sv'), formatChange(0, 'sv'), formatChange(null, 'sv'), formatChange(5, 'en')])
      .toEqual(['+34 %', '-12 %', '±0 %', '–', '+5%']);
  });
  it('writes shares in whole percent and averages with one decimal, in the language chosen', () => {
    expect([formatShare(0.274, 'sv'), formatShare(1, 'en'), formatShare(null, 'sv')]).toEqual(['27 %', '100%', '–']);
    expect([formatAverage(4.25, 'sv'), formatAverage(4.2, 'en'), formatAverage(null, 'sv')]).toEqual(['4,3', '4.2', '–']);
  });
  it('groups thousands the Swedish way', () => {
    expect(formatNumber(1234, 'sv')).toBe('1\u00a0234');
  });
  it('names months briefly', () => {
    expect(formatMonth('2025-04', 'sv')).toBe('apr. 2025');
    expect(formatMonth('2025-04', 'en')).toBe('Apr 2025');
  });
  it('names the CSV file by its period', () => {
    expect(csvFileName({ from: '2025-04-01', to: '2026-03-31' })).toBe('referral-statistik-2025-04-01--2026-03-31.csv');
  });
});
