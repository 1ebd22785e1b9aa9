// ESLint flat config for the whole workspace: type-aware rules stay off so linting is fast;
// `tsc -b` is the type checker.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      'spec/src/generated/**',
      'reference-impl/src/services/rootConfig/generated/**',
      'reference-impl/dist-examples/**',
      'website/build/**',
      'website/.docusaurus/**',
      'website/reference/api/**',
      'conformance/src/harness/generated/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
