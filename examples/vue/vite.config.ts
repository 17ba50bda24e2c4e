import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Vue's template compiler leaves atliq-* tags to the browser, which knows them once @atliq/components is imported.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('atliq-') } } })],
});
