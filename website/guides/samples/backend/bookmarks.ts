// A package's entry point exports its feature as the default export, so a backend can add
// `import('<package>')` without naming it.
export { bookmarksPlugin as default } from '../plugin/bookmarksPlugin.js';
