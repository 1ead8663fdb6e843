import { previousPeriod } from '../src/report/previous-period';

describe('previousPeriod: whole months against as many whole months before, any other range against as many days before', () => {
  it.each([
    ['a partnership year with 29 February in it', '2023-04-01', '2024-03-31', '2022-04-01', '2023-03-31'],
    ['the partnership year after one with 29 February', '2024-04-01', '2025-03-31', '2023-04-01', '2024-03-31'],
    ['a calendar year after a leap year', '2025-01-01', '2025-12-31', '2024-01-01', '2024-12-31'],
    ['a quarter', '2024-04-01', '2024-06-30', '2024-01-01', '2024-03-31'],
    ['the first quarter', '2024-01-01', '2024-03-31', '2023-10-01', '2023-12-31'],
    ['March, after a leap February', '2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['March, after a common February', '2023-03-01', '2023-03-31', '2023-02-01', '2023-02-28'],
    ['a leap February', '2024-02-01', '2024-02-29', '2024-01-01', '2024-01-31'],
    ['a month across the turn of the year', '2024-01-01', '2024-01-31', '2023-12-01', '2023-12-31'],
    ['whole months starting mid-year', '2024-07-01', '2024-11-30', '2024-02-01', '2024-06-30'],
    ['whole months across a year', '2024-11-01', '2025-02-28', '2024-07-01', '2024-10-31'],
  ])('%s: %s..%s against %s..%s', (_, from, to, previousFrom, previousTo) => {
    expect(previousPeriod({ from, to })).toEqual({ from: previousFrom, to: previousTo });
  });

  it.each([
    ['a single day', '2024-03-01', '2024-03-01', '2024-02-29', '2024-02-29'],
    ['a single day that is the 1st and the last of nothing', '2024-01-15', '2024-01-15', '2024-01-14', '2024-01-14'],
    ['a week across 29 February', '2024-02-26', '2024-03-03', '2024-02-19', '2024-02-25'],
    ['a range from the 1st not ending at a month end', '2024-03-01', '2024-03-30', '2024-01-31', '2024-02-29'],
    ['a range ending at a month end not starting on the 1st', '2024-03-02', '2024-03-31', '2024-02-01', '2024-03-01'],
    ['a year from mid-month', '2023-04-15', '2024-04-14', '2022-04-14', '2023-04-14'],
  ])('%s: %s..%s against the same number of days before, %s..%s', (_, from, to, previousFrom, previousTo) => {
    expect(previousPeriod({ from, to })).toEqual({ from: previousFrom, to: previousTo });
  });
});
