import { crc32 } from 'node:zlib';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDatabase } from '../src/seed.ts';
import { MySqlSource } from '../src/source/mysql.ts';
import type { SourceValue } from '../src/source/source.ts';

const db = inject('mariadb');
const DATABASE = 'fault_writers';
const ROWS = 200_000;
const COLUMNS = ['product_code', 'customer_code', 'market_code', 'order_date', 'sales_qty', 'sales_amount', 'currency'];
let admin: mysql.Connection;

beforeAll(async () => {
  const { host, port, user, password } = db;
  admin = await mysql.createConnection({ host, port, user, password });
  await seedDatabase(admin, { rows: ROWS, database: DATABASE });
  await admin.query(`USE ${DATABASE}`);
});
afterAll(async () => {
  await admin?.end();
});

/** Row count and an order-free checksum (sum of CRC32 of the joined values), computed by the source itself. */
async function sourceTruth(): Promise<{ rows: number; checksum: number }> {
  const [[r]] = (await admin.query(
    `SELECT COUNT(*) AS n, SUM(CRC32(CONCAT_WS('|', ${COLUMNS.join(', ')}))) AS c FROM transactions`,
  )) as unknown as [{ n: number; c: string }[]];
  return { rows: Number(r!.n), checksum: Number(r!.c) };
}

const lockWaits = async () => {
  const [[r]] = (await admin.query("SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_waits'")) as unknown as [
    { Value: string }[],
  ];
  return Number(r!.Value);
};

const p99 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length * 0.99)] ?? Number.NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An OLTP client inserting, updating and deleting transaction lines back to back, timing every statement. */
async function startWriter() {
  const { host, port, user, password } = db;
  const conn = await mysql.createConnection({ host, port, user, password, database: DATABASE });
  const latencies: number[] = [];
  let gate: Promise<void> | null = null;
  let open = () => {};
  let running = true;
  const statements = [
    "INSERT INTO transactions VALUES ('Prod001', 'Cus001', 'Mark001', '2020-06-01', 3, 999.00, 'INR')",
    'UPDATE transactions SET sales_qty = sales_qty + 1 LIMIT 1',
    'DELETE FROM transactions LIMIT 1',
  ];
  let current: Promise<unknown> = Promise.resolve();
  const loop = (async () => {
    for (let i = 0; running; i++) {
      if (gate) await gate;
      const started = performance.now();
      current = conn.query(statements[i % statements.length]!);
      await current;
      latencies.push(performance.now() - started);
    }
  })();
  return {
    latencies,
    /** Stops between two statements; resolves once none is in flight. */
    async pause() {
      gate = new Promise((r) => {
        open = r;
      });
      await current;
    },
    resume() {
      gate = null;
      open();
    },
    async stop() {
      running = false;
      this.resume();
      await loop;
      await conn.end();
    },
  };
}

describe('fault: concurrent writers during the extract', () => {
  it('the snapshot equals the source at snapshot start, and writers see no lock waits', async () => {
    const writer = await startWriter();
    await sleep(2_000);
    const alone = writer.latencies.splice(0);

    await writer.pause();
    const truth = await sourceTruth();
    const waitsBefore = await lockWaits();
    const source = await MySqlSource.create({ ...db, database: DATABASE, batchRows: 4096 });
    let rows = 0;
    let checksum = 0;
    try {
      await source.withSnapshot(async (snapshot) => {
        writer.resume();
        // A slow sink keeps the snapshot open while the writer changes the table underneath it.
        await snapshot.streamTable('transactions', COLUMNS, async (batch: SourceValue[][]) => {
          for (const row of batch) {
            rows++;
            checksum += crc32(row.filter((v) => v !== null).join('|'));
          }
          await sleep(40);
        });
      });
    } finally {
      await source.close();
    }
    const during = writer.latencies.splice(0);
    await writer.stop();
    const after = await sourceTruth();
    const waits = (await lockWaits()) - waitsBefore;
    console.log(
      `writer: ${alone.length} statements alone (p99 ${p99(alone).toFixed(1)} ms), ${during.length} during the ` +
        `extract (p99 ${p99(during).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms); row lock waits ${waits}`,
    );

    // The writer really changed the table while the extract ran, so a non-snapshot read would differ.
    expect(during.length).toBeGreaterThan(30);
    expect(after).not.toEqual(truth);
    expect({ rows, checksum }).toEqual(truth);
    expect(waits).toBe(0);
    // A lock wait would block for seconds (innodb_lock_wait_timeout is 50 s); 2 s is far above any busy-CPU jitter.
    expect(Math.max(...during)).toBeLessThan(2_000);
  });
});
