/**
 * The `tsconfig.json` of a generated package. It stands alone rather than extending the
 * workspace's, so the package builds wherever it is created; tests are left out of `dist/`.
 */
export function tsconfigText(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noUncheckedIndexedAccess: true,
      esModuleInterop: true,
      skipLibCheck: true,
      declaration: true,
      verbatimModuleSyntax: true,
      types: ['node'],
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
    exclude: ['src/**/*.test.ts'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
