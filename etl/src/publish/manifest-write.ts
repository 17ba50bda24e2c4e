import { open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MANIFEST_FILE, type Manifest, parseManifest } from '@atliq/sdk/contract';

/** fsync a directory so a rename inside it survives a crash. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `<out>/manifest.json` atomically: validate, write a temporary file, fsync it, rename it over the old
 * one, fsync the folder. Readers see either the old manifest or the new one, never a torn file.
 */
export async function writeManifest(out: string, manifest: Manifest): Promise<string> {
  parseManifest(JSON.parse(JSON.stringify(manifest)));
  const target = join(out, MANIFEST_FILE);
  const tmp = join(out, `.${MANIFEST_FILE}.${process.pid}.tmp`);
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, target);
  await syncDir(dirname(target));
  return target;
}
