import { describe, expect, it } from 'vitest';
import { adaptStatement, insertTarget, MARIADB_COLLATION } from './adapt-statement.ts';

describe('adaptStatement()', () => {
  it("points the dump's hard-coded database at the chosen one", () => {
    const create =
      "CREATE DATABASE  IF NOT EXISTS `sales` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci */ /*!80016 DEFAULT ENCRYPTION='N' */";
    expect(adaptStatement(create, 'my`db')).toBe(
      `CREATE DATABASE IF NOT EXISTS \`my\`\`db\` DEFAULT CHARACTER SET utf8mb4 COLLATE ${MARIADB_COLLATION}`,
    );
    expect(adaptStatement('USE `sales`', 'atliq')).toBe('USE `atliq`');
  });

  it('replaces the MySQL 8 collation and drops MySQL-8-only versioned comments in DDL', () => {
    expect(adaptStatement(') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci', 'x')).toBe(
      `) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=${MARIADB_COLLATION}`,
    );
    expect(adaptStatement("SELECT 1 /*!80016 DEFAULT ENCRYPTION='N' */", 'x')).toBe('SELECT 1 ');
    expect(adaptStatement('/*!40101 SET NAMES utf8 */', 'x')).toBe('/*!40101 SET NAMES utf8 */');
  });

  it('never rewrites data', () => {
    const insert = "INSERT INTO `t` VALUES ('utf8mb4_0900_ai_ci','USE sales')";
    expect(adaptStatement(insert, 'x')).toBe(insert);
  });
});

describe('insertTarget()', () => {
  it('names the table an INSERT fills', () => {
    expect(insertTarget('INSERT INTO `transactions` VALUES (1)')).toBe('transactions');
    expect(insertTarget('DROP TABLE IF EXISTS `transactions`')).toBeUndefined();
  });
});
