import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, expectAppChartAndSelect, run, tarballDependencies } from './scratch.ts';

/**
 * A webpack 5 user in plain JavaScript (no TypeScript, no Babel: React.createElement), outside this workspace:
 * the tarballs installed with npm, a webpack.config.js that only sets the mode, no loader or rule for the engine's
 * files — webpack 5 follows the SDK's `new URL(…, import.meta.url)` and emits the worker and wasm as assets.
 */

const { tarballs, extracts, revenueByMarket } = inject('pack');

const INDEX = `import { RevenueChart } from '@atliq/react';
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [picked, setPicked] = useState('');
  return h(
    'main',
    null,
    h(RevenueChart, {
      id: 'wrapped',
      src: '/extracts/manifest.json',
      by: 'market',
      style: { display: 'block', height: 400 },
      onSelect: (e) => setPicked(e.detail.dimension + '=' + e.detail.value),
    }),
    h('output', { id: 'picked' }, picked),
  );
}

createRoot(document.getElementById('root')).render(h(App));
`;

/** webpack's defaults otherwise: ./src/index.js into ./dist/main.js. */
const CONFIG = `export default { mode: 'production' };
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>A webpack app</title><link rel="icon" href="data:," /></head>
  <body><div id="root"></div><script src="/main.js"></script></body>
</html>
`;

describe('a webpack 5 app in plain JavaScript, installing the tarballs with npm', () => {
  let app: string;

  beforeAll(async () => {
    app = await createApp(
      'user-webpack-app',
      { ...tarballDependencies(tarballs), react: '19.3.1', 'react-dom': '19.3.1' },
      { webpack: '5.113.0', 'webpack-cli': '7.3.1' },
      { 'webpack.config.js': CONFIG, 'src/index.js': INDEX },
    );
  });
  afterAll(async () => {
    if (app) await rm(app, { recursive: true, force: true });
  });

  it('builds with webpack, the engine worker and wasm emitted as assets', async () => {
    await run(app, 'npx', ['webpack']);
    const files = await readdir(join(app, 'dist'));
    expect(files.filter((f) => f.endsWith('.wasm'))).toHaveLength(2);
    await writeFile(join(app, 'dist/index.html'), PAGE);
  });

  it("shows the extract's revenue by market, and a click on a bar reaches the host's onSelect", async () => {
    await expectAppChartAndSelect(
      join(app, 'dist'),
      { extracts, revenueByMarket },
      { chart: '#wrapped', picked: '#picked' },
    );
  });
});
