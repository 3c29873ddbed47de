/** `npm run schemas`: write the JSON Schemas to schemas/ (a test keeps them in step). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaTexts } from '../schema/json-schema.js';
import { PACKAGE_ROOT } from '../load/load-files.js';

const dir = join(PACKAGE_ROOT, 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(jsonSchemaTexts())) writeFileSync(join(dir, name), text);
process.stdout.write(`wrote ${Object.keys(jsonSchemaTexts()).length} schemas to ${dir}\n`);
