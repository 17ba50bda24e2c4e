import { describe, expect, it } from 'vitest';
import { isStatementTimeout, serverFlavor, statementTimeoutSql, writeGrants } from './mysql-session.ts';

describe('serverFlavor()', () => {
  it('tells MariaDB from MySQL by VERSION()', () => {
    expect(serverFlavor('10.11.19-MariaDB-0+deb12u1')).toBe('mariadb');
    expect(serverFlavor('8.0.36')).toBe('mysql');
  });
});

describe('statementTimeoutSql()', () => {
  it('speaks seconds to MariaDB and milliseconds to MySQL', () => {
    expect(statementTimeoutSql('mariadb', 1500)).toBe('SET SESSION max_statement_time = 1.5');
    expect(statementTimeoutSql('mysql', 1500)).toBe('SET SESSION max_execution_time = 1500');
    expect(statementTimeoutSql('mariadb', 0)).toBe('SET SESSION max_statement_time = 0');
  });

  it('refuses a negative timeout', () => {
    expect(() => statementTimeoutSql('mysql', -1)).toThrow(RangeError);
  });
});

describe('writeGrants()', () => {
  it('finds the grants that allow writing', () => {
    expect(
      writeGrants(
        [
          "GRANT ALL PRIVILEGES ON *.* TO `atliq_test`@`127.0.0.1` IDENTIFIED BY PASSWORD '*AB'",
          'GRANT SELECT, INSERT, UPDATE ON `sales`.* TO `etl`@`%`',
        ],
        'sales',
      ),
    ).toEqual(['ALL PRIVILEGES ON *.*', 'INSERT, UPDATE ON `sales`.*']);
  });

  it('accepts a least-privilege account, column privileges and role grants', () => {
    expect(
      writeGrants(
        [
          'GRANT USAGE ON *.* TO `etl`@`%`',
          'GRANT PROCESS, REPLICATION CLIENT ON *.* TO `etl`@`%`',
          'GRANT SELECT, SHOW VIEW ON `sales`.* TO `etl`@`%`',
          'GRANT SELECT (`a`, `b`) ON `sales`.`t` TO `etl`@`%`',
          'GRANT `reader` TO `etl`@`%`',
        ],
        'sales',
      ),
    ).toEqual([]);
  });

  it('counts only grants that reach the source database: on it, on a pattern matching it, or on every one', () => {
    // What SHOW GRANTS lists on a stock MariaDB 10.11 (mysql_test_db.sql): PUBLIC may do anything in test, test_%.
    const stock = [
      'GRANT SELECT ON `sales`.* TO `etl`@`%`',
      'GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER ON `test`.* TO PUBLIC',
      'GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER ON `test\\_%`.* TO PUBLIC',
    ];
    expect(writeGrants(stock, 'sales')).toEqual([]);
    expect(writeGrants(stock, 'test_sales')).toEqual([
      'INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER ON `test\\_%`.*',
    ]);
    // In `test\_%` the underscore is literal: "testXsales" is not covered; in `sal_s` it is a wildcard.
    expect(writeGrants(stock, 'testXsales')).toEqual([]);
    expect(writeGrants(['GRANT INSERT ON `sal_s`.* TO `etl`@`%`'], 'sales')).toEqual(['INSERT ON `sal_s`.*']);
    expect(writeGrants(['GRANT INSERT ON `sales`.`notes` TO `etl`@`%`'], 'sales')).toEqual([
      'INSERT ON `sales`.`notes`',
    ]);
    expect(writeGrants(['GRANT INSERT ON `sal_s`.`notes` TO `etl`@`%`'], 'sales')).toEqual([]);
    expect(writeGrants(['GRANT DELETE ON *.* TO `etl`@`%`'], 'anything')).toEqual(['DELETE ON *.*']);
  });
});

describe('isStatementTimeout()', () => {
  it('recognises MariaDB and MySQL timeout errors only', () => {
    expect(isStatementTimeout({ errno: 1969 })).toBe(true);
    expect(isStatementTimeout({ errno: 3024 })).toBe(true);
    expect(isStatementTimeout({ errno: 1045 })).toBe(false);
    expect(isStatementTimeout(undefined)).toBe(false);
  });
});
