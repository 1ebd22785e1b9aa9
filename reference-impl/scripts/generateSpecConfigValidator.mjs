// Regenerates src/services/rootConfig/generated/specConfigValidator.ts from the spec's config
// schemas. Run after `npx tsc -b` (it uses the built rootConfig code), then build again.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  SPEC_CONFIG_VALIDATOR_PATH,
  generateSpecConfigValidatorSource,
} from '../dist/services/rootConfig/generateSpecConfigValidator.js';
import { readSpecSchemaFiles } from '../dist/services/rootConfig/loadSpecSchemas.js';

const { schema, hash } = await readSpecSchemaFiles();
const target = fileURLToPath(new URL(`../${SPEC_CONFIG_VALIDATOR_PATH}`, import.meta.url));
writeFileSync(target, generateSpecConfigValidatorSource(schema, hash));
console.log(`Wrote ${target} (schemas ${hash.slice(0, 12)})`);
