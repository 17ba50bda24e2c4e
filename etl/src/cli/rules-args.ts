import { readFileSync } from 'node:fs';
import { applyConfigFile, type CleaningRules, checkDriftPolicy, checkFxRates, DEFAULT_RULES } from '../config.ts';
import { EtlError } from '../errors.ts';
import { UsageError } from './source-url.ts';

/** The command-line options that choose a run's rules. */
export interface RulesArgs {
  config?: string | undefined;
  /** `CUR=RATE` pairs, repeatable or comma-separated; each overrides one rate of the config file. */
  fx?: string[] | undefined;
  'on-schema-drift'?: string | undefined;
}

/** Defaults, then the `--config` file, then `--fx` and `--on-schema-drift`. A bad value is a usage error. */
export function rulesFromArgs(args: RulesArgs): CleaningRules {
  try {
    let rules = DEFAULT_RULES;
    if (args.config !== undefined) rules = applyConfigFile(rules, readJsonFile('--config', args.config), args.config);
    const pairs = (args.fx ?? []).flatMap((v) => v.split(',')).filter(Boolean);
    if (pairs.length > 0) {
      const overrides = Object.fromEntries(pairs.map((pair) => parseFxPair(pair)));
      rules = { ...rules, fxRates: { ...rules.fxRates, ...checkFxRates(overrides, '--fx') } };
    }
    if (args['on-schema-drift'] !== undefined) {
      rules = { ...rules, schemaDrift: checkDriftPolicy(args['on-schema-drift'], '--on-schema-drift') };
    }
    return rules;
  } catch (err) {
    if (err instanceof EtlError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
}

function parseFxPair(pair: string): [string, number] {
  const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(pair);
  if (!match) throw new UsageError(`--fx expects CUR=RATE (e.g. --fx USD=75), got "${pair}"`);
  return [match[1]!, Number(match[2])];
}

/** The JSON of the file an option (`flag`) names; an unreadable file or bad JSON is a usage error. */
export function readJsonFile(flag: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag}: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${flag}: ${file} is not valid JSON (${(err as Error).message}): fix it`, { cause: err });
  }
}
