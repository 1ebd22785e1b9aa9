import reference from '../adapters/reference/index.js';
import { defineConformanceSuite } from '../src/harness/defineConformanceSuite.js';

// The abstract-level model: an implementer's own vitest file defines the suite's tests.
await defineConformanceSuite(reference, { grep: '^(shutdown|backend-instance)/' });
