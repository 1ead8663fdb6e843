import { logicalTableName, tableNamesFor, tableNamesFromPhysical } from '../src/table-names';

describe('table names', () => {
  it('maps logical names to the generation physical names and back', () => {
    const names = tableNamesFor({ name: 'cases', tables: ['case_list', 'case_counts'] }, 12);
    expect(names).toEqual({ case_list: 'case_list__g12', case_counts: 'case_counts__g12' });
    expect(logicalTableName('case_list__g12')).toBe('case_list');
    expect(tableNamesFromPhysical(Object.values(names))).toEqual(names);
  });

  it.each(['Case', 'case-list', '1case', 'x'.repeat(51), 'a;drop'])('refuses %p as a table name', (bad) => {
    expect(() => tableNamesFor({ name: 'cases', tables: [bad] }, 1)).toThrow(/lower-case SQL identifier/);
  });

  it('refuses a projection without tables', () => {
    expect(() => tableNamesFor({ name: 'cases', tables: [] }, 1)).toThrow(/owns no tables/);
  });
});
