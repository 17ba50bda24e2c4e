/**
 * Shared by the tests of the CLI's error messages (issue 14): a failed run prints one `error:` line saying what is
 * wrong and what to do — plus, for a usage error, one line pointing at --help — and never a stack trace.
 */
import { expect } from 'vitest';
import { runCli } from './fault-support.ts';

export const HELP_LINE = 'run with --help for every command and option';

/**
 * Runs `atliq-etl ARGS` and asserts exit `code` (2: usage error, 1: failed run) and stderr: a usage error is exactly
 * the error line and the --help pointer; a failed run ends with the error line; no stack frames anywhere. The error
 * line matches `message` (a string must be the whole message). Returns the error line.
 */
export async function expectCliError(
  args: string[],
  expected: { code: 1 | 2; message: string | RegExp; env?: Record<string, string> },
): Promise<string> {
  const { code, stderr } = await runCli(args, expected.env).exited;
  expect(stderr).not.toMatch(/^ {4}at /m);
  const lines = stderr.trimEnd().split('\n');
  // A usage error prints nothing else; a failed run may have printed its progress first.
  const tail = expected.code === 2 ? lines : lines.slice(-1);
  expect(tail).toEqual(expected.code === 2 ? [expect.stringMatching(/^error: /), HELP_LINE] : [expect.any(String)]);
  const { message } = expected;
  if (typeof message === 'string') expect(tail[0]).toBe(`error: ${message}`);
  else expect(tail[0]).toMatch(message);
  expect(code).toBe(expected.code);
  return tail[0]!;
}
