// Generates custom-elements.json (read by editors and Storybook). `packagejson: false` keeps the analyzer from
// rewriting package.json's customElements path, which would point at the drift check's scratch folder.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  litelement: true,
  packagejson: false,
};
