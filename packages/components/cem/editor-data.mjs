// Writes editor data from the finished manifest: VS Code's HTML and CSS custom data (tag, attribute and custom
// property completion with descriptions) and Vue's `GlobalComponents` types. A plugin of our own rather than
// custom-element-vs-code-integration / custom-element-vuejs-integration: those format with prettier (a second
// formatter beside Biome) and write to a fixed folder, which the drift check (`cem:check`) could not redirect.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `'light' | 'dark' | undefined` → `['light', 'dark']`, else none. The empty value (`comparison=""`, the dashboard's)
 * is no completion.
 */
function literalValues(type) {
  const parts = (type ?? '').split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^'[^']*'$/.test(part));
  const rest = parts.filter((part) => !/^'[^']*'$/.test(part) && part !== 'undefined' && part !== 'null');
  if (literals.length === 0 || rest.length > 0) return [];
  return literals.filter((part) => part !== "''").map((part) => ({ name: part.slice(1, -1) }));
}

/** The custom elements of a manifest, sorted by tag. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ declaration, path: module.path })))
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .sort((a, b) => (a.declaration.tagName < b.declaration.tagName ? -1 : 1));
}

/** VS Code's HTML custom data (https://github.com/microsoft/vscode-custom-data) for every element. */
export function htmlCustomData(manifest) {
  return {
    version: 1.1,
    tags: elementsOf(manifest).map(({ declaration }) => ({
      name: declaration.tagName,
      description: [declaration.summary, declaration.description].filter(Boolean).join('\n\n'),
      attributes: (declaration.attributes ?? []).map((attribute) => {
        const values = literalValues(attribute.type?.text);
        return {
          name: attribute.name,
          description: attribute.description ?? '',
          ...(values.length > 0 ? { values } : attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
    })),
  };
}

/** VS Code's CSS custom data: every element's custom properties and parts (`::part(name)`), once each. */
export function cssCustomData(manifest) {
  const properties = new Map();
  const parts = new Map();
  for (const { declaration } of elementsOf(manifest)) {
    for (const property of declaration.cssProperties ?? []) {
      if (!properties.has(property.name)) properties.set(property.name, property.description ?? '');
    }
    for (const part of declaration.cssParts ?? []) {
      const tags = parts.get(part.name) ?? [];
      parts.set(part.name, [...tags, `${declaration.tagName}: ${part.description ?? ''}`]);
    }
  }
  const byName = (a, b) => (a.name < b.name ? -1 : 1);
  return {
    version: 1.1,
    properties: [...properties].map(([name, description]) => ({ name, description })).sort(byName),
    pseudoElements: [...parts]
      .map(([name, lines]) => ({ name: `::part(${name})`, description: lines.join('\n') }))
      .sort(byName),
  };
}

/** `atliq-select` → `onAtliqSelect`: the prop Vue's template checker gives an `@atliq-select` listener. */
const handlerProp = (event) => `on${event.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase())}`;

/**
 * Vue 3 types: every tag in `GlobalComponents`, typed by its element class (attributes of a closed set of values,
 * such as `measure`, only take those) with a typed handler per event (`@atliq-select` gets a
 * `CustomEvent<AtliqSelectDetail>`), so templates type-check. Other attributes (`id`, `class`, `style`) fall through
 * as on any component.
 */
export function vueTypes(manifest) {
  const elements = elementsOf(manifest);
  const details = new Set();
  const entries = elements.map(({ declaration }) => {
    const attributes =
      (declaration.members ?? [])
        .filter(
          (member) => member.kind === 'field' && member.attribute && !member.static && member.privacy !== 'private',
        )
        .map((member) => `'${member.name}'`)
        .join(' | ') || 'never';
    const handlers = (declaration.events ?? []).map((event) => {
      const type = event.type?.text ?? 'CustomEvent';
      for (const [, detail] of type.matchAll(/CustomEvent<(\w+)>/g)) details.add(detail);
      return `${handlerProp(event.name)}?: (event: ${type}) => void`;
    });
    const events = handlers.length > 0 ? ` & { ${handlers.join('; ')} }` : '';
    return `    '${declaration.tagName}': DefineComponent<Partial<Pick<${declaration.name}, ${attributes}>>${events}>;`;
  });
  const names = [...elements.map(({ declaration }) => declaration.name), ...[...details].sort()];
  return `// Generated from custom-elements.json by cem/editor-data.mjs (\`pnpm --filter @atliq/components run cem\`).
// Vue 3: every <atliq-*> tag in GlobalComponents. Pair it with compilerOptions.isCustomElement (docs/frameworks.md).
import type { DefineComponent } from 'vue';
import type { ${names.join(', ')} } from '@atliq/components/elements';

declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}

export {};
`;
}

/** The analyzer plugin: writes the three files into `outdir` (the drift check passes its scratch folder). */
export function editorDataPlugin(outdir) {
  return {
    name: 'editor-data',
    packageLinkPhase({ customElementsManifest }) {
      mkdirSync(outdir, { recursive: true });
      const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
      writeFileSync(join(outdir, 'vscode.html-custom-data.json'), json(htmlCustomData(customElementsManifest)));
      writeFileSync(join(outdir, 'vscode.css-custom-data.json'), json(cssCustomData(customElementsManifest)));
      writeFileSync(join(outdir, 'vue.d.ts'), vueTypes(customElementsManifest));
    },
  };
}
