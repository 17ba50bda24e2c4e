/**
 * The `sales` schema as the original MySQL 8 dumps create it, minus what MariaDB rejects: no
 * `utf8mb4_0900_ai_ci` collation (each server picks its utf8mb4 default). Column names, types and keys
 * are the dump's — `custmer_name` misspelt, and `transactions` without any key, as in the original.
 */
import type { SourceTableName } from '../source/source.ts';

/** Quotes an identifier for MySQL/MariaDB (backticks doubled). */
export function quoteId(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

const COLUMNS: Record<SourceTableName, string> = {
  customers: `\`customer_code\` varchar(45) NOT NULL,
  \`custmer_name\` varchar(45) DEFAULT NULL,
  \`customer_type\` varchar(45) DEFAULT NULL,
  PRIMARY KEY (\`customer_code\`)`,
  date: `\`date\` date NOT NULL,
  \`cy_date\` date DEFAULT NULL,
  \`year\` int DEFAULT NULL,
  \`month_name\` varchar(45) DEFAULT NULL,
  \`date_yy_mmm\` varchar(45) DEFAULT NULL,
  PRIMARY KEY (\`date\`)`,
  markets: `\`markets_code\` varchar(45) NOT NULL,
  \`markets_name\` varchar(45) DEFAULT NULL,
  \`zone\` varchar(45) DEFAULT NULL,
  PRIMARY KEY (\`markets_code\`)`,
  products: `\`product_code\` varchar(45) NOT NULL,
  \`product_type\` varchar(45) DEFAULT NULL,
  PRIMARY KEY (\`product_code\`)`,
  transactions: `\`product_code\` varchar(45) DEFAULT NULL,
  \`customer_code\` varchar(45) DEFAULT NULL,
  \`market_code\` varchar(45) DEFAULT NULL,
  \`order_date\` date DEFAULT NULL,
  \`sales_qty\` int DEFAULT NULL,
  \`sales_amount\` double DEFAULT NULL,
  \`currency\` varchar(45) DEFAULT NULL`,
};

/** Schema v2 (`db_dump_version_2.sql`) adds these to `transactions`. */
const PROFIT_COLUMNS_DDL = `,
  \`profit_margin_percentage\` double DEFAULT NULL,
  \`profit_margin\` double DEFAULT NULL,
  \`cost_price\` double DEFAULT NULL`;

/** `DROP TABLE IF EXISTS` + `CREATE TABLE` for one table of `database`, as the dump does. */
export function tableStatements(database: string, table: SourceTableName, withProfit: boolean): string[] {
  const name = `${quoteId(database)}.${quoteId(table)}`;
  const columns = table === 'transactions' && withProfit ? COLUMNS[table] + PROFIT_COLUMNS_DDL : COLUMNS[table];
  return [
    `DROP TABLE IF EXISTS ${name}`,
    `CREATE TABLE ${name} (\n  ${columns}\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  ];
}
