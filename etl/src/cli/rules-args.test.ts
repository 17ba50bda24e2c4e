import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../config.ts';
import { rulesFromArgs } from './rules-args.ts';
import { UsageError } from './source-url.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function configFile(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'etl-config-'));
  dirs.push(dir);
  const file = join(dir, 'etl.json');
  await writeFile(file, content);
  return file;
}

describe('rulesFromArgs()', () => {
  it('gives the reference rules without options', () => {
    expect(rulesFromArgs({})).toEqual(DEFAULT_RULES);
  });

  it('applies the config file, then --fx and --on-schema-drift over it', async () => {
    const config = await configFile(
      JSON.stringify({
        fx: { inr: 1, USD: 80 },
        rules: { duplicate: false, inconsistent_profit: false },
        profit_currency: 'line',
        schema_drift: 'warn',
      }),
    );
    expect(rulesFromArgs({ config, fx: ['USD=82.5,eur=90'], 'on-schema-drift': 'error' })).toEqual({
      fxRates: { INR: 1, USD: 82.5, EUR: 90 },
      rejectNonPositiveAmounts: true,
      rejectDuplicates: false,
      rejectInconsistentProfit: false,
      profitCurrency: 'line',
      schemaDrift: 'error',
    });
  });

  it('names the file and key of a bad config as a usage error', async () => {
    const unit = await configFile('{"profit_currency": "INR"}');
    expect(() => rulesFromArgs({ config: unit })).toThrow(
      /etl\.json profit_currency: must be "reporting" or "line", got "INR"/,
    );
    const typo = await configFile('{"rules": {"duplicates": false}}');
    expect(() => rulesFromArgs({ config: typo })).toThrow(/etl\.json rules: unknown key "duplicates"/);
    const rate = await configFile('{"fx": {"USD": -1}}');
    expect(() => rulesFromArgs({ config: rate })).toThrow(UsageError);
    const broken = await configFile('{nope');
    expect(() => rulesFromArgs({ config: broken })).toThrow(/is not valid JSON/);
    expect(() => rulesFromArgs({ config: '/nonexistent/etl.json' })).toThrow(/cannot read/);
  });

  it('rejects malformed --fx and --on-schema-drift values', () => {
    expect(() => rulesFromArgs({ fx: ['USD75'] })).toThrow(/CUR=RATE/);
    expect(() => rulesFromArgs({ fx: ['USD=abc'] })).toThrow(/rate of USD must be a positive number/);
    expect(() => rulesFromArgs({ 'on-schema-drift': 'ignore' })).toThrow(/must be "error" or "warn"/);
  });
});
