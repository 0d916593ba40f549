/**
 * Writes kiosk-config/kiosk-config.schema.json, the JSON Schema of the configuration for admins
 * and editors. Run by `npm run config:schema`; a test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { kioskConfigSchema } from './config-schema';

export const JSON_SCHEMA_FILE = fileURLToPath(new URL('./kiosk-config.schema.json', import.meta.url));

export function kioskConfigJsonSchema(): string {
  const schema = z.toJSONSchema(kioskConfigSchema, { io: 'input', target: 'draft-2020-12' });
  const titled = { title: 'Borne Soliguide — kiosk configuration', ...schema };
  return JSON.stringify(titled, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(JSON_SCHEMA_FILE, kioskConfigJsonSchema());
  console.log(`wrote ${JSON_SCHEMA_FILE}`);
}
