/** `slacheck schema`: prints the JSON Schema shipped with the package. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { EXIT_OK, type Io } from '../io.js';

export const SCHEMA_PATH = fileURLToPath(new URL('../../../schemas/agreement.schema.json', import.meta.url));

export async function runSchema(io: Io): Promise<number> {
  io.stdout.write(await readFile(SCHEMA_PATH, 'utf8'));
  return EXIT_OK;
}
