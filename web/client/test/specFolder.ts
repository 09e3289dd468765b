import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** spec/sync of the repository, found by walking up from this file (works from test/ and from .test-out/test/). */
export function specFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'spec', 'sync');
    if (existsSync(join(dir, 'Switchboard.slnx')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('spec/sync not found: run the tests inside the Switchboard repository');
    dir = parent;
  }
}
