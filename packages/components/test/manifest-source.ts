import { AtliqSource } from '@atliq/sdk';
import type { Manifest } from '@atliq/sdk/contract';

/**
 * Registers a source for `url` (the real extract's manifest URL plus a query string that makes it distinct) whose
 * manifest is the real one changed by `edit`: manifest states the test extract was not published with, such as an
 * incremental refresh. The data files are the real ones.
 */
export function editedManifestSource(url: string, edit: (manifest: Manifest) => void): string {
  const source = new AtliqSource(url, {
    fetch: async (input, init) => {
      const real = await fetch(String(input).replace(/\?.*$/, ''), init);
      const manifest = (await real.json()) as Manifest;
      edit(manifest);
      return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } });
    },
  });
  AtliqSource.register(source);
  return source.url;
}
