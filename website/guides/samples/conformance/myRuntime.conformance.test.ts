// #region suite
import { defineConformanceSuite, parseExpectations } from '@openstage/conformance';
import { myAdapter } from './myAdapter.js';

// Deviations you know of, each with the requirement and a reason; an empty list here.
const expectations = parseExpectations({ adapter: 'my-runtime', tests: {} }, 'inline');

await defineConformanceSuite(myAdapter, { expectations });
// #endregion suite
