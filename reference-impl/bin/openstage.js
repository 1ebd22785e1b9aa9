#!/usr/bin/env node
// The `openstage` bin. It is a committed file rather than dist/cli/main.js itself because npm
// links and marks bins executable at install time, before anything is built; the command runs once
// `npm run build` has produced dist/.
import '../dist/cli/main.js';
