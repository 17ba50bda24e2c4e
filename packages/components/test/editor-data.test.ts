import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

interface Attribute {
  name: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Attribute[];
  cssProperties?: { name: string }[];
}

/** The elements and attribute names as custom-elements.json declares them, read without the generator's code. */
const declared = (read('custom-elements.json').modules as { declarations?: Declaration[] }[])
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName);

describe('VS Code custom data', () => {
  const html = read('vscode.html-custom-data.json') as { tags: { name: string; attributes: Attribute[] }[] };
  const css = read('vscode.css-custom-data.json') as { properties: { name: string }[] };

  test('vscode.html-custom-data.json lists every element of the manifest with its attributes', () => {
    expect(declared.length).toBeGreaterThanOrEqual(9);
    expect(html.tags.map((tag) => tag.name).sort()).toEqual(declared.map((d) => d.tagName).sort());
    for (const declaration of declared) {
      const tag = html.tags.find((t) => t.name === declaration.tagName)!;
      expect(tag.attributes.map((a) => a.name).sort()).toEqual(
        (declaration.attributes ?? []).map((a) => a.name).sort(),
      );
    }
  });

  test('vscode.html-custom-data.json offers the values of a string-literal union (theme)', () => {
    const kpi = html.tags.find((tag) => tag.name === 'atliq-kpi')!;
    const theme = kpi.attributes.find((a) => a.name === 'theme') as Attribute & { values?: { name: string }[] };
    expect(theme.values?.map((v) => v.name)).toEqual(['light', 'dark', 'auto']);
  });

  test('vscode.css-custom-data.json lists every custom property of the manifest once', () => {
    const names = new Set(declared.flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)));
    expect(css.properties.map((p) => p.name).sort()).toEqual([...names].sort());
  });
});
