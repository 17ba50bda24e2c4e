import type { ArgTypes } from '@storybook/web-components-vite';

/** The parts of custom-elements.json (schema 2.x) read here. */
interface Item {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Item {
  kind: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
}
export interface Element extends Item {
  tagName?: string;
  attributes?: Item[];
  members?: Member[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
export interface Package {
  modules: { declarations?: Element[] }[];
}

/** The element declared under `tag` in the manifest, if any. */
export function elementOf(manifest: Package, tag: unknown): Element | undefined {
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName === tag) return declaration;
    }
  }
  return undefined;
}

/** `'light' | 'dark' | undefined` → `['light', 'dark']`; undefined when the type is not a union of string literals. */
export function literalOptions(type: string | undefined): string[] | undefined {
  const parts = (type ?? '').split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  const rest = parts.filter((part) => !/^'[^']*'$/.test(part) && part !== 'undefined' && part !== 'null');
  return literals.length > 0 && rest.length === 0 ? literals : undefined;
}

function control(type: string | undefined): Partial<ArgTypes[string]> {
  const options = literalOptions(type);
  if (options) {
    // An empty value leaves the setting to the dashboard (`comparison`, `fiscal-year-start`): say so in the list.
    const labels = options.includes('') ? { '': '(unset)' } : undefined;
    return { control: { type: 'select', ...(labels && { labels }) }, options, type: { name: 'enum', value: options } };
  }
  if (type === 'boolean') return { control: { type: 'boolean' }, type: { name: 'boolean' } };
  if (type === 'number') return { control: { type: 'number' }, type: { name: 'number' } };
  return { control: { type: 'text' }, type: { name: 'string' } };
}

/**
 * Storybook's own reading of the manifest types every union as an object control and lists private fields; this one
 * gives each attribute (under its attribute name, as stories pass it) a text, boolean, number or select control — a
 * select of the values for a union of string literals (`measure`, `by`, `grain`, `comparison`…) — and documents the
 * public properties without an attribute, the events with their detail types, slots, CSS parts and custom properties.
 */
export function manifestArgTypes(manifest: Package, tag: unknown): ArgTypes {
  const element = elementOf(manifest, tag);
  if (!element) return {};
  const argTypes: ArgTypes = {};
  const row = (category: string, summary?: string, defaultValue?: string) => ({
    category,
    type: summary ? { summary } : undefined,
    defaultValue: defaultValue === undefined ? undefined : { summary: defaultValue },
  });
  for (const attribute of element.attributes ?? []) {
    argTypes[attribute.name] = {
      name: attribute.name,
      description: attribute.description,
      table: row('attributes', attribute.type?.text, attribute.default),
      ...control(attribute.type?.text),
    };
  }
  for (const member of element.members ?? []) {
    if (member.kind !== 'field' || member.privacy === 'private' || member.privacy === 'protected') continue;
    if (member.static || member.name.startsWith('#') || member.attribute) continue;
    argTypes[member.name] = {
      name: member.name,
      description: member.description,
      control: false,
      table: row('properties', member.type?.text, member.default),
    };
  }
  const documented: [string, Item[] | undefined][] = [
    ['events', element.events],
    ['slots', element.slots],
    ['css shadow parts', element.cssParts],
    ['css custom properties', element.cssProperties],
  ];
  for (const [category, items] of documented) {
    for (const item of items ?? []) {
      const name = item.name || '(default)';
      // An event's type names its detail (`CustomEvent<AtliqSelectDetail>`).
      const table = row(category, item.type?.text);
      argTypes[`${category}:${name}`] = { name, description: item.description, control: false, table };
    }
  }
  return argTypes;
}
