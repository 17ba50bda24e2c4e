import { type Preview, setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../packages/components/custom-elements.json' with { type: 'json' };
import { elementOf, manifestArgTypes, type Package } from './manifest-arg-types.ts';

const customElements = manifest as unknown as Package;
setCustomElementsManifest(customElements);

const preview: Preview = {
  // A Docs page per component, generated from custom-elements.json.
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: {
      extractArgTypes: (tag: unknown) => manifestArgTypes(customElements, tag),
      // Each element's header comment leads with `@summary`; the description holds only what follows it.
      extractComponentDescription: (tag: unknown) => {
        const element = elementOf(customElements, tag);
        return [element?.summary, element?.description].filter(Boolean).join('\n\n');
      },
    },
  },
};

export default preview;
