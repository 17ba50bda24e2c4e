import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module the file at `path` imports, statically or dynamically, followed through relative imports. */
function importGraph(path: string, seen = new Set<string>()): Set<string> {
  if (seen.has(path)) return seen;
  seen.add(path);
  const source = readFileSync(path, 'utf8');
  for (const [, specifier] of source.matchAll(/(?:from|import\()\s*'([^']+)'/g)) {
    if (specifier!.startsWith('.')) importGraph(join(dirname(path), specifier!), seen);
    else seen.add(specifier!);
  }
  return seen;
}

test('the browser entry (@atliq/sdk) never reaches the Node connector or a Node module', () => {
  const graph = [...importGraph(join(here, 'index.ts'))];
  expect(graph).toContain(join(here, 'connectors/wasm.ts'));
  expect(graph.filter((m) => m.includes('connectors/node') || /^(node:|@duckdb\/node)/.test(m))).toEqual([]);
});

test('the Node entry (@atliq/sdk/node) is the one that does', () => {
  expect(importGraph(join(here, 'connectors/node.ts'))).toContain('@duckdb/node-api');
});
