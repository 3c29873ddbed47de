/**
 * The JSON Schemas editors use (committed in schemas/), generated from the same
 * zod schemas that type and validate the files. Pure.
 */
import { z } from 'zod';
import { scenarioFile, whatIfFile } from './scenario.js';
import { treatyFile } from './treaty.js';
import { worldFile } from './world.js';
import { lessonFile } from './lesson.js';

export const SCHEMA_FILES = {
  'world.schema.json': worldFile,
  'treaty.schema.json': treatyFile,
  'scenario.schema.json': scenarioFile,
  'what-if.schema.json': whatIfFile,
  'lesson.schema.json': lessonFile,
} as const;

/** Each schema as the text committed in schemas/ (stable key order, trailing newline). */
export function jsonSchemaTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' });
    out[name] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return out;
}
