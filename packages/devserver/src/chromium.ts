/**
 * How every tool here starts Debian's Chromium headless (Vitest browser mode, e2e, screenshots, the browser
 * benchmark): no browser download, and root needs --no-sandbox; the rest keep Chromium from calling home on a
 * closed network (see PITFALLS). No imports, so a Vite/Vitest config can load it by relative path.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
