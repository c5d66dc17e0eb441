// The console's place in staged rollouts: a random id made once and kept beside its data, so a console is in or
// out of a given rollout share every time it asks, across restarts and updates.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const ID = /^[0-9a-f-]{36}$/;

export function readOrCreateRolloutId(path: string): string {
  try {
    const text = readFileSync(path, 'utf8').trim();
    if (ID.test(text)) return text;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const id = randomUUID();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${id}\n`);
  return id;
}
