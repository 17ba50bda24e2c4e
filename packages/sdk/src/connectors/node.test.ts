import { expect, test } from 'vitest';
import { createSampleDb } from '../testing/sample-db.ts';
import { connectNode } from './node.ts';

test('connectNode() returns plain JS values: numbers for bigint, YYYY-MM-DD for DATE', async () => {
  const db = await connectNode(await createSampleDb({}));
  const rows = await db.query(
    "SELECT count(*) AS n, DATE '2019-03-05' AS d, 1::HUGEINT AS h, 2.5::DECIMAL(10,2) AS dec, TIMESTAMP '2020-01-02 03:04:05' AS ts, ? AS p",
    ['bound'],
  );
  expect(rows).toEqual([{ n: 1, d: '2019-03-05', h: 1, dec: 2.5, ts: '2020-01-02T03:04:05.000', p: 'bound' }]);
  await db.close();
});

test('connectNode() attaches read-only', async () => {
  const db = await connectNode(await createSampleDb({}));
  await expect(db.query("INSERT INTO dim_product VALUES ('P', 'Own Brand', true)", [])).rejects.toThrow(/read-only/i);
  await db.close();
});
