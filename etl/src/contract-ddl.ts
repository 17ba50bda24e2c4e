import { TABLES, type TableName } from '@atliq/sdk/contract';

/** `CREATE TABLE` for a published table, typed and ordered exactly as the contract declares it. */
export function createTableSql(table: TableName, qualifiedName: string = table): string {
  const cols = Object.entries(TABLES[table].columns).map(
    ([name, spec]) => `"${name}" ${spec.type}${spec.nullable ? '' : ' NOT NULL'}`,
  );
  return `CREATE TABLE ${qualifiedName} (${cols.join(', ')})`;
}

/** The contract's column list of a table, quoted, for `INSERT … SELECT` and `COPY`. */
export function columnList(table: TableName): string {
  return Object.keys(TABLES[table].columns)
    .map((c) => `"${c}"`)
    .join(', ');
}
