import { CHROMIUM_LAUNCH } from '@atliq/devserver';
import { type Browser, chromium } from 'playwright';

/** Debian's Chromium, headless, with the launch options every tool here shares. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
}
