import { expect, test } from 'vitest';
import { toCsv } from './csv.ts';

test('toCsv() quotes separators, doubles quotes and neutralises formulas', () => {
  expect(
    toCsv(
      ['Market', 'Revenue'],
      [
        ['Delhi, NCR', 12.5],
        ['Say "hi"', null],
        ['=cmd()', -3],
      ],
    ),
  ).toBe('Market,Revenue\r\n"Delhi, NCR",12.5\r\n"Say ""hi""",\r\n\'=cmd(),-3');
});
