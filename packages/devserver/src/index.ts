export { CHROMIUM_LAUNCH } from './chromium.ts';
export { type RunningServer, startServer } from './server.ts';
export { type Mounts, staticHandler } from './static.ts';
export { ensureTestExtracts, TEST_EXTRACT_ROWS, type TestExtractOptions } from './test-extracts.ts';
export { extractsPlugin } from './vite-plugin.ts';
