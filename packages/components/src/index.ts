/**
 * @atliq/components — one script tag registers every `<atliq-*>` element:
 * `<script type="module" src=".../atliq.js"></script>` then `<atliq-dashboard src="extracts/manifest.json">`.
 * The same from a bundler: `import '@atliq/components'`. The classes alone, unregistered: `@atliq/components/elements`.
 */
import { ATLIQ_ELEMENTS } from './elements.ts';

/** Where the engine's files are served from, when not beside the bundle: see `setEngineFiles` in @atliq/sdk. */
export { setEngineFiles } from '@atliq/sdk';
export * from './elements.ts';

/** Defined only once: a page may load the bundle twice (two widgets, each with its own script tag). */
for (const [tag, element] of Object.entries(ATLIQ_ELEMENTS)) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
