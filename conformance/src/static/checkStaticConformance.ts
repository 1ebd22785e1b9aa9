import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Node, Project, ts, type Diagnostic } from 'ts-morph';
import { HarnessError } from '../harness/HarnessError.js';
import type {
  StaticCheckOptions,
  StaticCheckReport,
  StaticSymbolResult,
} from './StaticCheckOptions.js';

const SYNTHETIC = '__openstage_static_check__.ts';
/** Program-level complaints about the synthetic file's location, not about the types. */
const IGNORED_CODES = new Set([6059, 6307]);

/** Splits a mapping key into its module (or the entry) and its exported name. */
function parseKey(key: string, entry: string | undefined): { module: string; name: string } {
  const at = key.lastIndexOf('#');
  const module = at === -1 ? entry : key.slice(0, at);
  const name = at === -1 ? key : key.slice(at + 1);
  if (!module)
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      `static check: '${key}' names no module and there is no entry; pass --entry or write '<module>#${key}'`,
    );
  if (!/^[A-Za-z_$][\w$]*$/.test(name))
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      `static check: '${key}' does not end in an exported identifier`,
    );
  return { module, name };
}

/** The `types` entry of the package.json next to the tsconfig, if any. */
function defaultEntry(projectDir: string): string | undefined {
  const path = join(projectDir, 'package.json');
  if (!existsSync(path)) return undefined;
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as {
    types?: string;
    exports?: { '.'?: { types?: string } };
  };
  const types = pkg.exports?.['.']?.types ?? pkg.types;
  return types === undefined ? undefined : join(projectDir, types);
}

/** The file a module path names: as given, or its `.ts` / `.d.ts` source for a `.js` path. */
function existingFile(absolute: string): string | undefined {
  const candidates = [absolute];
  if (absolute.endsWith('.js'))
    candidates.push(absolute.replace(/\.js$/, '.ts'), absolute.replace(/\.js$/, '.d.ts'));
  return candidates.find((c) => existsSync(c));
}

/**
 * How the synthetic file imports `module`: a path (relative to `cwd`, or any value naming an
 * existing file) becomes a relative `.js` specifier, which NodeNext resolution maps to the
 * `.ts` or `.d.ts` source; a package specifier stays as it is.
 */
function specifierFor(module: string, cwd: string, projectDir: string): string {
  const looksLikePath = module.startsWith('.') || isAbsolute(module);
  const file = existingFile(resolve(cwd, module));
  if (!file) {
    if (!looksLikePath) return module;
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      `static check: module '${module}' does not exist (resolved to ${resolve(cwd, module)})`,
    );
  }
  const withoutExt = file.replace(/(\.d)?\.(m|c)?(ts|js)x?$/, '');
  const rel = relative(projectDir, withoutExt).split('\\').join('/');
  return `${rel.startsWith('.') ? rel : `./${rel}`}.js`;
}

/**
 * Strict parameter comparison even where a type declares members in method syntax. The spec and
 * the implementation side use two distinct aliases: for two instantiations of one alias the
 * checker would compare the type arguments by the alias's measured variance, which brings the
 * bivariance of methods back.
 */
const HELPERS = `type __StrictFn<F> = F extends (...args: infer A) => infer R ? (...args: A) => R : F;
type __StrictSpec<T> = { [K in keyof T]: __StrictFn<T[K]> };
type __StrictImpl<T> = { [K in keyof T]: __StrictFn<T[K]> };
`;

/**
 * Checks, with the TypeScript checker, that each mapped export of an implementation is
 * assignable to its spec type: once as declared, and once with every function-valued member
 * turned into a plain function type, so that a member declared in method syntax (compared
 * bivariantly by TypeScript) still fails when it accepts narrower callbacks than the spec.
 */
export function checkStaticConformance(options: StaticCheckOptions): StaticCheckReport {
  const cwd = options.cwd ?? process.cwd();
  const project = resolve(cwd, options.project);
  if (!existsSync(project))
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      `static check: --project ${options.project} does not exist (resolved to ${project})`,
    );
  const projectDir = dirname(project);
  const spec = options.spec ?? '@openstage/spec';
  const entry = options.entry ?? defaultEntry(projectDir);
  const keys = Object.keys(options.symbols);
  if (keys.length === 0)
    throw new HarnessError(
      'CONF_HARNESS_INVALID_ARGUMENT',
      'static check: the mapping is empty; give at least one Symbol=SpecType',
    );

  const tsProject = new Project({
    tsConfigFilePath: project,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { noEmit: true, composite: false, declaration: false, declarationMap: false },
  });
  const modules = new Map<string, string>();
  const checks = keys.map((key) => {
    const { module, name } = parseKey(key, entry);
    let alias = modules.get(module);
    if (alias === undefined) {
      alias = `__impl${modules.size}`;
      modules.set(module, alias);
    }
    return { key, module, alias, name, specType: options.symbols[key]! };
  });

  // First pass: import every module, to learn what kind of declaration each symbol is.
  const imports = [
    `import type * as __spec from ${JSON.stringify(specifierFor(spec, cwd, projectDir))};`,
    ...[...modules].map(
      ([module, alias]) =>
        `import * as ${alias} from ${JSON.stringify(specifierFor(module, cwd, projectDir))};`,
    ),
  ].join('\n');
  const path = join(projectDir, SYNTHETIC);
  const probe = tsProject.createSourceFile(path, `${imports}\n`, { overwrite: true });
  tsProject.resolveSourceFileDependencies();
  const typeExpression = (alias: string, name: string): string | undefined => {
    const declaration = probe
      .getImportDeclarations()
      .find((d) => d.getNamespaceImport()?.getText() === alias);
    const target = declaration?.getModuleSpecifierSourceFile();
    const declarations = target?.getExportedDeclarations().get(name);
    if (!declarations || declarations.length === 0) return undefined;
    const isType = declarations.some(
      (d) =>
        Node.isClassDeclaration(d) ||
        Node.isInterfaceDeclaration(d) ||
        Node.isTypeAliasDeclaration(d),
    );
    return isType ? `${alias}.${name}` : `typeof ${alias}.${name}`;
  };

  // Second pass: one pair of assignments per symbol, two lines each, so diagnostics map back.
  const lines = [imports, HELPERS];
  const firstLine = new Map<number, number>();
  const missing = new Map<number, string>();
  const specExports = probe
    .getImportDeclarations()
    .find((d) => d.getNamespaceImport()?.getText() === '__spec')
    ?.getModuleSpecifierSourceFile()
    ?.getExportedDeclarations();
  checks.forEach((check, index) => {
    const impl = typeExpression(check.alias, check.name);
    const problems: string[] = [];
    if (impl === undefined) problems.push(`'${check.module}' has no export named '${check.name}'`);
    if (specExports && !specExports.has(check.specType))
      problems.push(`'${spec}' exports no type named '${check.specType}'`);
    if (impl === undefined || problems.length > 0) {
      missing.set(index, problems.join('\n'));
      return;
    }
    firstLine.set(index, lines.join('\n').split('\n').length + 1);
    lines.push(
      `export const __plain${index}: __spec.${check.specType} = null as unknown as ${impl};`,
      `export const __strict${index}: __StrictSpec<__spec.${check.specType}> = null as unknown as __StrictImpl<${impl}>;`,
    );
  });
  const file = tsProject.createSourceFile(path, `${lines.join('\n')}\n`, { overwrite: true });
  tsProject.resolveSourceFileDependencies();
  const diagnostics = tsProject
    .getPreEmitDiagnostics()
    .filter(
      (d) =>
        d.getSourceFile()?.getFilePath() === file.getFilePath() && !IGNORED_CODES.has(d.getCode()),
    );

  const text = (d: Diagnostic): string =>
    ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n  ');
  const importProblems = diagnostics
    .filter((d) => (d.getLineNumber() ?? 0) <= imports.split('\n').length)
    .map(text);
  const results: StaticSymbolResult[] = checks.map((check, index) => {
    const problems: string[] = [];
    const absent = missing.get(index);
    if (absent) problems.push(...absent.split('\n'));
    const line = firstLine.get(index);
    if (line !== undefined) {
      const own = diagnostics.filter((d) => d.getLineNumber() === line);
      const strict = diagnostics.filter((d) => d.getLineNumber() === line + 1);
      problems.push(...own.map(text));
      // The strict form repeats what the plain form found; report it only when it adds.
      if (own.length === 0)
        problems.push(...strict.map((d) => `with members compared as function types: ${text(d)}`));
    }
    problems.push(...importProblems);
    return { symbol: check.key, specType: check.specType, ok: problems.length === 0, problems };
  });
  tsProject.removeSourceFile(file);
  return { project, spec, ok: results.every((r) => r.ok), results };
}
