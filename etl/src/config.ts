/**
 * The rules of a run and the ETL config file (`--config etl.json`) that sets them. The defaults reproduce the
 * reference Atliq dashboard's cleaning; every rule is documented in the README with its reject reason code.
 */
import { EtlError } from './errors.ts';

/** What an unexpected new column or a retyped column does: fail the run, or publish and say so in the manifest. */
export type SchemaDriftPolicy = 'error' | 'warn';

/**
 * The unit of the source's `profit_margin` and `cost_price`: the reporting currency (INR, as in the Atliq dump
 * version 2) or the line's own currency (then converted like the amount).
 */
export type ProfitCurrency = 'reporting' | 'line';

/** Cleaning rules of a run. */
export interface CleaningRules {
  /** Rate into INR per unit of each accepted currency; other currencies are quarantined (`unknown_currency`). */
  fxRates: Record<string, number>;
  /** Quarantine rows whose amount is zero or negative (`non_positive_amount`; the reference removes 0 and -1). */
  rejectNonPositiveAmounts: boolean;
  /** Quarantine rows that are exact duplicates of another once currency is normalised (`duplicate`). */
  rejectDuplicates: boolean;
  /** Quarantine lines whose profit + cost equal the amount under neither reading (`inconsistent_profit`). */
  rejectInconsistentProfit: boolean;
  /** The profit columns' unit; undefined: detected from the lines (see transform/profit-reading.ts). */
  profitCurrency?: ProfitCurrency;
  /** A missing required column always fails the run; this decides for new and retyped ones. */
  schemaDrift: SchemaDriftPolicy;
}

export const DEFAULT_RULES: CleaningRules = {
  // 75 INR per USD is the rate the original Power BI dashboard used.
  fxRates: { INR: 1, USD: 75 },
  rejectNonPositiveAmounts: true,
  rejectDuplicates: true,
  rejectInconsistentProfit: true,
  // Staging reads only the named columns, as text, and every unparseable value is quarantined and counted, so
  // drift cannot silently change a number: publishing with a visible warning is the safe default.
  schemaDrift: 'warn',
};

/**
 * The config file's shape, every key optional (missing keys keep their default):
 * `{ "fx": { "USD": 75 }, "rules": { "non_positive_amount": true, "duplicate": true, "inconsistent_profit": true },
 * "profit_currency": "reporting", "schema_drift": "warn", "scopes": { "north": { "zone": ["North"] } } }`.
 * `fx` replaces the whole rate table, so a currency left out is quarantined as `unknown_currency`.
 */
export interface EtlConfigFile {
  fx?: Record<string, number>;
  rules?: { non_positive_amount?: boolean; duplicate?: boolean; inconsistent_profit?: boolean };
  /** Absent: detected from the data. */
  profit_currency?: ProfitCurrency;
  schema_drift?: SchemaDriftPolicy;
  /** Scoped extracts (see scopes.ts), checked by the CLI; `--scopes FILE` replaces them. */
  scopes?: unknown;
}

const fail = (where: string, message: string): never => {
  throw new EtlError(`${where}: ${message}`, { phase: 'config' });
};

function checkKeys(value: object, allowed: string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(where, `unknown key "${key}" (expected one of ${allowed.join(', ')})`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A rate table with upper-case currency codes and positive, finite rates. */
export function checkFxRates(fx: Record<string, unknown>, where: string): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const [code, rate] of Object.entries(fx)) {
    if (!/^[A-Za-z]{3}$/.test(code)) fail(where, `"${code}" is not a three-letter currency code`);
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
      fail(where, `the rate of ${code} must be a positive number, got ${JSON.stringify(rate)}`);
    }
    rates[code.toUpperCase()] = rate as number;
  }
  return rates;
}

export function checkDriftPolicy(value: unknown, where: string): SchemaDriftPolicy {
  if (value !== 'error' && value !== 'warn') fail(where, `must be "error" or "warn", got ${JSON.stringify(value)}`);
  return value as SchemaDriftPolicy;
}

/** Applies a parsed config file over `base`; throws an EtlError naming the file and the offending key. */
export function applyConfigFile(base: CleaningRules, json: unknown, file: string): CleaningRules {
  if (!isObject(json)) return fail(file, 'expected a JSON object');
  checkKeys(json, ['fx', 'rules', 'profit_currency', 'schema_drift', 'scopes'], file);
  const rules = { ...base };
  if (json.fx !== undefined) {
    if (!isObject(json.fx)) fail(`${file} fx`, 'expected an object of currency → rate');
    rules.fxRates = checkFxRates(json.fx as Record<string, unknown>, `${file} fx`);
  }
  if (json.rules !== undefined) {
    const on = json.rules;
    if (!isObject(on)) return fail(`${file} rules`, 'expected an object of rule → true/false');
    checkKeys(on, ['non_positive_amount', 'duplicate', 'inconsistent_profit'], `${file} rules`);
    for (const [key, value] of Object.entries(on)) {
      if (typeof value !== 'boolean') fail(`${file} rules.${key}`, 'expected true or false');
    }
    if (on.non_positive_amount !== undefined) rules.rejectNonPositiveAmounts = on.non_positive_amount as boolean;
    if (on.duplicate !== undefined) rules.rejectDuplicates = on.duplicate as boolean;
    if (on.inconsistent_profit !== undefined) rules.rejectInconsistentProfit = on.inconsistent_profit as boolean;
  }
  if (json.profit_currency !== undefined) {
    const unit = json.profit_currency;
    if (unit !== 'reporting' && unit !== 'line') {
      fail(`${file} profit_currency`, `must be "reporting" or "line", got ${JSON.stringify(unit)}`);
    }
    rules.profitCurrency = unit as ProfitCurrency;
  }
  if (json.schema_drift !== undefined) rules.schemaDrift = checkDriftPolicy(json.schema_drift, `${file} schema_drift`);
  return rules;
}
