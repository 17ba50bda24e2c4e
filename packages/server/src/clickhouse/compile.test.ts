import { ModelError } from '@atliq/sdk';
import { describe, expect, it } from 'vitest';
import { compileClickHouse } from './compile.ts';

/** The exact SQL; that it runs and answers the DuckDB service's rows is compile.chdb.test.ts (and the 18.16 test). */
describe('compileClickHouse()', () => {
  it('groups, aliases the columns c0… and orders by the aliases, never by an ordinal', () => {
    const { sql, fields } = compileClickHouse(
      {
        measures: ['revenue', 'margin'],
        dimensions: ['market', 'month'],
        filters: { year: ['2020', 2019], zone: [] },
        sort: [{ field: 'revenue', order: 'desc' }],
        limit: 5,
      },
      't',
    );
    expect(fields).toEqual(['market', 'month', 'revenue', 'margin']);
    expect(sql).toBe(
      [
        'SELECT `market_name` AS c0, `year_month` AS c1, if(count(`revenue`) = 0, NULL, toFloat64(sum(`revenue`))) AS c2, ' +
          '100 * if(count(`profit`) = 0, NULL, toFloat64(sum(`profit`))) / nullIf(if(count(`revenue`) = 0, NULL, toFloat64(sum(`revenue`))), 0) AS c3',
        'FROM t',
        'WHERE `year` IN (2020, 2019) AND 0',
        'GROUP BY `market_name`, `year_month`',
        'ORDER BY c2 DESC NULLS LAST, c0 ASC NULLS LAST, c1 ASC NULLS LAST',
        'LIMIT 5',
      ].join('\n'),
    );
  });

  it('computes a share against a subquery total over the same rows (18.16 has no window functions)', () => {
    const { sql } = compileClickHouse(
      { measures: ['revenue_share'], dimensions: ['zone'], filters: { day: { from: '2020-01-01', to: '2020-06-30' } } },
      't',
    );
    const where = "WHERE `date` BETWEEN '2020-01-01' AND '2020-06-30'";
    const sum = 'if(count(`revenue`) = 0, NULL, toFloat64(sum(`revenue`)))';
    expect(sql).toBe(
      [
        `SELECT \`zone\` AS c0, 100 * ${sum} / nullIf((SELECT ${sum} FROM t ${where}), 0) AS c1`,
        'FROM t',
        where,
        'GROUP BY `zone`',
        'ORDER BY c0 ASC NULLS LAST',
      ].join('\n'),
    );
  });

  it('lists members once each without measures, and escapes every value', () => {
    const { sql } = compileClickHouse(
      { measures: [], dimensions: ['customer'], filters: { market: ["' OR 1=1 --", 'a\\', 'x\ny'] } },
      't',
    );
    expect(sql).toBe(
      [
        'SELECT DISTINCT `customer_name` AS c0',
        'FROM t',
        "WHERE `market_name` IN ('\\' OR 1=1 --', 'a\\\\', 'x\\x0ay')",
        'ORDER BY c0 ASC NULLS LAST',
      ].join('\n'),
    );
  });

  it('refuses what the DuckDB compiler refuses, and a numeric dimension given text', () => {
    expect(() => compileClickHouse({ measures: ['sql'] }, 't')).toThrow(ModelError);
    expect(() => compileClickHouse({ measures: ['revenue'], sort: [{ field: 'orders' }] }, 't')).toThrow(/sort by/);
    expect(() => compileClickHouse({ measures: ['revenue'], limit: 0 }, 't')).toThrow(/limit/);
    expect(() => compileClickHouse({ measures: ['revenue'], filters: { year: ['2020 OR 1=1'] } }, 't')).toThrow(
      /takes numbers/,
    );
  });
});
