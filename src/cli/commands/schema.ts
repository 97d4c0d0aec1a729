/** `slacheck schema`: prints the JSON Schema shipped with the package. */
import { schemaText } from '../../agreement/schema.js';
import { EXIT_OK, type Io } from '../io.js';

export async function runSchema(io: Io): Promise<number> {
  io.stdout.write(schemaText());
  return EXIT_OK;
}
