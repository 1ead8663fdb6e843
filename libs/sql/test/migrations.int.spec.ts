import { migrate, splitStatements } from '@referral/sql';
import { sqlBackends, type TestDatabase } from '../../../test/support/databases';

describe.each(sqlBackends)('migrations on %s', (_name, open) => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(() => db.dispose());

  const migrations = [
    { id: '001-widgets', sql: 'CREATE TABLE widgets (id int PRIMARY KEY);\nCREATE INDEX widgets_id ON widgets (id);' },
    {
      id: '002-fn',
      sql: `CREATE FUNCTION double_it(x int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  RETURN x * 2;
END;
$$;`,
    },
  ];

  it('applies each migration once, however often it runs', async () => {
    expect(await migrate(db.client, migrations)).toEqual(['001-widgets', '002-fn']);
    expect(await migrate(db.client, migrations)).toEqual([]);
    const { rows } = await db.client.query<{ d: number }>('SELECT double_it(21) AS d');
    expect(rows[0].d).toBe(42);
  });

  it('rolls a failing migration back whole and records nothing of it', async () => {
    const bad = [{ id: '003-bad', sql: 'CREATE TABLE gadgets (id int);\nSELECT no_such_function();' }];
    await expect(migrate(db.client, bad)).rejects.toThrow();
    const { rows } = await db.client.query(`SELECT to_regclass('gadgets') AS t`);
    expect(rows[0]).toEqual({ t: null });
    const seen = await db.client.query('SELECT id FROM schema_migrations');
    expect(seen.rows).toEqual([]);
  });
});

describe('splitStatements', () => {
  it('keeps dollar-quoted bodies whole', () => {
    const parts = splitStatements('CREATE TABLE a (x int);\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;\n');
    expect(parts).toHaveLength(2);
    expect(parts[1]).toContain('RETURN 1;');
  });
});
