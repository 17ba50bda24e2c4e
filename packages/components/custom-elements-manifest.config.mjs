import { editorDataPlugin } from './cem/editor-data.mjs';
import { literalTypesPlugin } from './cem/literal-types.mjs';

// Generates custom-elements.json (read by editors and Storybook). `packagejson: false` keeps the analyzer from
// rewriting package.json's customElements path, which would point at the drift check's scratch folder.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // Lit's internal reactive state (`{ state: true }`, named `_…` here) is neither an attribute nor public API; the
      // analyzer lists it as both, which would put it in Storybook's controls and editors' completions.
      name: 'hide-lit-state',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter((attribute) => !attribute.name.startsWith('_'));
          }
          for (const member of declaration.members ?? []) {
            if (member.name.startsWith('_')) member.privacy = 'private';
          }
          // `emit(type, detail)` dispatches `new CustomEvent(type, …)`: the analyzer records an event named after the
          // variable. The real events are the `@event` tags of each element's header.
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name !== 'type');
        }
      },
    },
    {
      // The analyzer lists modules in the order its file walk happens to finish, which varies between runs: sort
      // them by path so the drift check (`cem:check`) compares content, not timing.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
    // `MeasureName` and the like written out as the values they allow, for Storybook's selects and editors.
    literalTypesPlugin(),
    // VS Code custom data and Vue types beside the manifest; the drift check sends them to its scratch folder.
    editorDataPlugin(process.env.CEM_EDITOR_OUTDIR ?? '.'),
  ],
};
