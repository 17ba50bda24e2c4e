/**
 * An OLTP client inserting transaction lines at a steady rate (300/s, the load DESIGN measured with), timing each
 * statement. Paced rather than back to back: a closed loop would itself take a whole core of the two.
 */
import mysql from 'mysql2/promise';
import type { Server } from './pipelines.ts';

export interface LatencySample {
  n: number;
  p99: number;
}

export interface Writer {
  /** Latency percentiles of the statements since the previous sample, and starts a new sample. */
  sample(): LatencySample;
  stop(): Promise<void>;
}

export async function startWriter(s: Server, perSecond = 300): Promise<Writer> {
  const conn = await mysql.createConnection(s);
  let latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    const t0 = performance.now();
    for (let i = 0; running; i++) {
      const due = t0 + (i * 1000) / perSecond;
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
      const started = performance.now();
      await conn.query(
        "INSERT INTO transactions VALUES ('Prod001', 'Cus001', 'Mark001', '2020-06-01', 3, 999.00, 'INR')",
      );
      latencies.push(performance.now() - started);
    }
  })();
  return {
    sample() {
      const sorted = latencies.sort((a, b) => a - b);
      latencies = [];
      return { n: sorted.length, p99: sorted[Math.floor(sorted.length * 0.99)] ?? Number.NaN };
    },
    async stop() {
      running = false;
      await loop;
      await conn.end();
    },
  };
}
