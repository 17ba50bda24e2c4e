/**
 * Compares the source's schema with the one the ETL was written for, before anything is read. A missing
 * required column always stops the run (the numbers could not be computed); a new column or a column whose
 * type changed stops it under the `error` policy and is published as a manifest warning under `warn`.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SchemaDriftPolicy } from '../config.ts';
import { EtlError } from '../errors.ts';
import {
  COLUMN_KINDS,
  PROFIT_COLUMNS,
  SOURCE_TABLES,
  type SourceColumn,
  type SourceSnapshot,
  type SourceTableName,
} from './source.ts';

/** The tables a run reads (the source's `date` table is not used: dim_date is derived from the facts). */
export const READ_TABLES: readonly SourceTableName[] = ['transactions', 'customers', 'products', 'markets'];

/** Staging table holding the run's warnings; the quality report publishes them. */
export const WARNINGS_TABLE = 'etl_warnings';

export interface SchemaFindings {
  /** `table.column` names the run cannot do without. */
  missing: string[];
  /** Human-readable drift findings: new columns, retyped columns, incomplete optional column groups. */
  drift: string[];
  /** Whether every schema-v2 profit column is present (with a numeric type). */
  withProfit: boolean;
}

/** Pure comparison of one snapshot's columns with the expected schema. */
export function compareSchema(actual: Record<string, SourceColumn[]>): SchemaFindings {
  const findings: SchemaFindings = { missing: [], drift: [], withProfit: false };
  for (const table of READ_TABLES) {
    const columns = actual[table] ?? [];
    const names = new Set(columns.map((c) => c.name));
    if (columns.length === 0) {
      findings.missing.push(`${table} (the whole table)`);
      continue;
    }
    for (const name of SOURCE_TABLES[table]) if (!names.has(name)) findings.missing.push(`${table}.${name}`);
    for (const { name, type } of columns) {
      const allowed = COLUMN_KINDS[table][name];
      if (!allowed) findings.drift.push(`unexpected new column ${table}.${name} (${type}), not published`);
      else if (!allowed.includes(type)) {
        findings.drift.push(
          `column ${table}.${name} is ${type}, expected ${allowed.join(' or ')}; each value is still parsed and checked by the rules`,
        );
      }
    }
    if (table === 'transactions') {
      const present = PROFIT_COLUMNS.filter((c) => names.has(c));
      findings.withProfit = present.length === PROFIT_COLUMNS.length;
      if (present.length > 0 && !findings.withProfit) {
        const absent = PROFIT_COLUMNS.filter((c) => !names.has(c));
        findings.drift.push(
          `transactions has ${present.join(', ')} but not ${absent.join(', ')}: profit not published`,
        );
      }
    }
  }
  return findings;
}

/**
 * Checks the snapshot's schema under `policy` and records the warnings it lets through in {@link WARNINGS_TABLE}
 * of the staging database. Returns whether the profit columns can be read.
 */
export async function checkSchema(
  db: DuckDBConnection,
  snapshot: SourceSnapshot,
  policy: SchemaDriftPolicy,
): Promise<boolean> {
  const actual: Record<string, SourceColumn[]> = {};
  for (const table of READ_TABLES) actual[table] = await snapshot.columns(table);
  const { missing, drift, withProfit } = compareSchema(actual);
  if (missing.length > 0) {
    throw new EtlError(
      `the source lacks required columns: ${missing.join(', ')} — is --source the Atliq sales database, and may ` +
        'this user read those columns?',
      { phase: 'schema', table: missing[0]!.split(/[. ]/)[0] },
    );
  }
  if (drift.length > 0 && policy === 'error') {
    throw new EtlError(
      `the source schema drifted: ${drift.join('; ')} — adapt the ETL, or publish anyway with --on-schema-drift warn`,
      { phase: 'schema' },
    );
  }
  await db.run(`CREATE OR REPLACE TABLE ${WARNINGS_TABLE} (message VARCHAR NOT NULL)`);
  for (const message of drift) await db.run(`INSERT INTO ${WARNINGS_TABLE} VALUES ($1)`, [`schema: ${message}`]);
  return withProfit;
}
