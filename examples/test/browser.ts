import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_LAUNCH } from '@atliq/devserver';
import { type Browser, chromium, type Page } from 'playwright';

/** Debian's Chromium, headless, with the launch options every tool here shares. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
}

/** Saves a full-page screenshot for people to look at (node_modules/.cache/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = fileURLToPath(new URL('../../node_modules/.cache/screenshots/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
