#!/usr/bin/env node
// The `openstage` bin. It is a committed file rather than the built CLI itself because npm
// links and marks bins executable at install time, before anything is built; the command runs once
// `npm run build` has produced dist/bundle/.
import '../dist/bundle/cli/main.js';
