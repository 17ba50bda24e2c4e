import { expect, test } from 'vitest';
import { isAbort, latest } from './latest.ts';

/** A call whose answer the test gives later, so answers can arrive out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

test('latest() never lets a slow, older answer win over a newer one', async () => {
  const answers = [deferred<string>(), deferred<string>()];
  const signals: AbortSignal[] = [];
  const run = latest((signal, i: number) => {
    signals.push(signal);
    return answers[i]!.promise;
  });
  const older = run(0);
  const newer = run(1);
  expect(signals.map((s) => s.aborted)).toEqual([true, false]);
  answers[1]!.resolve('new');
  answers[0]!.resolve('old');
  expect(await newer).toBe('new');
  const stale = await older.catch((e: unknown) => e);
  expect(isAbort(stale)).toBe(true);
});

test('latest() passes a failure of the newest call through', async () => {
  const run = latest(async () => {
    throw new Error('engine fell over');
  });
  const error = await run().catch((e: unknown) => e);
  expect(error).toEqual(new Error('engine fell over'));
  expect(isAbort(error)).toBe(false);
});
