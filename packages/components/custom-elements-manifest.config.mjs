// Generates custom-elements.json (read by editors and Storybook). `packagejson: false` keeps the analyzer from
// rewriting package.json's customElements path, which would point at the drift check's scratch folder.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its file walk happens to finish, which varies between runs: sort
      // them by path so the drift check (`cem:check`) compares content, not timing.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
