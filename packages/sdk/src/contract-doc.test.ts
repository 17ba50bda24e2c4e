import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractMarkdown } from './contract-doc.ts';

const BEGIN = '<!-- contract:begin (generated from packages/sdk/src/contract.ts) -->\n';
const END = '<!-- contract:end -->';

/** The formatter pads Markdown tables; compare cell contents, not alignment. */
const unpad = (md: string) =>
  md
    .split('\n')
    .map((line) => (line.startsWith('|') ? line.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---') : line))
    .join('\n');

describe('contractMarkdown()', () => {
  it('matches the extract contract documented in the README', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(start, 'README lacks the contract markers').toBeGreaterThan(-1);
    expect(unpad(readme.slice(start + BEGIN.length, end))).toBe(unpad(contractMarkdown()));
  });
});
