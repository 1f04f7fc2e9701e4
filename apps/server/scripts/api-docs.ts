/**
 * Generates what the API document cannot learn at run time, from one TypeScript program of the
 * server (`tsconfig.build.json`), into `src/docs/api-docs.generated.ts` (git-ignored):
 *
 * - the DTOs' properties, by @nestjs/swagger's own CLI plugin (its ReadonlyVisitor, the
 *   metadata generator Nest uses for SWC builds) with the options in `nest-cli.json`
 *   (classValidatorShim, introspectComments): summaries from the controllers' TSDoc as well;
 * - the answers: each route's declared return type (`Promise<OrderView>`, `Page<HouseholdView>`, …),
 *   turned into JSON Schemas by ts-json-schema-generator, with every shared-types interface it
 *   reaches as a named schema (the contract itself, never a copy of it);
 * - downloads (`Promise<StreamableFile>`): the media types named by the route's `@ApiProduces(…)`;
 * - uploads: the multipart field a route's `FileUpload(…)` guard reads.
 *
 * `--build` (the server's `build` script) then compiles the server as `tsc -p tsconfig.build.json`
 * does, in the same process. Without it, it only generates: `npm run api-docs`, and the e2e
 * projects' jest globalSetup (only when a source is newer than the output).
 * `src/docs/api-docs.ts` puts it all into the document.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type * as SwaggerPlugin from '@nestjs/swagger/dist/plugin';
import ts from 'typescript';
import { Context, DEFAULT_CONFIG, SchemaGenerator, createFormatter, createParser, type CompletedConfig } from 'ts-json-schema-generator';

// The package exports its plugin as '@nestjs/swagger/plugin'; TypeScript's node10 resolution
// finds its types only under dist/.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin') as typeof SwaggerPlugin;
type ReadonlyVisitor = SwaggerPlugin.ReadonlyVisitor;

const SERVER = join(__dirname, '..');
const TSCONFIG = join(SERVER, 'tsconfig.build.json');
const NEST_CLI = join(SERVER, 'nest-cli.json');
const OUT_DIR = join(SERVER, 'src', 'docs');
export const OUTPUT = join(OUT_DIR, 'api-docs.generated.ts');
const SHARED_TYPES_DIST = join(SERVER, '..', '..', 'packages', 'shared-types', 'dist');

const HTTP_METHODS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);

/** JSON Schema as the generator writes it (plain data). */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * What a route answers with on success (JSON, files of these media types, or nothing) and the
 * multipart field its `FileUpload` guard reads, keyed by Nest's operationId (`Controller_method`).
 */
export interface RouteDoc {
  answer: { json: Json } | { files: string[] } | { empty: true };
  upload?: string;
}

/** The plugin options of @nestjs/swagger in nest-cli.json (what `nest build` would use too). */
function pluginOptions(): Record<string, unknown> {
  const cli = JSON.parse(readFileSync(NEST_CLI, 'utf8')) as {
    compilerOptions?: { plugins?: (string | { name: string; options?: Record<string, unknown> })[] };
  };
  const plugin = cli.compilerOptions?.plugins?.find((p) => (typeof p === 'string' ? p : p.name) === '@nestjs/swagger');
  if (!plugin) throw new Error(`${NEST_CLI}: compilerOptions.plugins has no @nestjs/swagger`);
  return typeof plugin === 'string' ? {} : (plugin.options ?? {});
}

/** The plugin's metadata as the module Nest's PluginMetadataPrinter writes: `async () => ({ '@nestjs/swagger': … })`. */
function printPluginMetadata(visitor: ReadonlyVisitor): string {
  const f = ts.factory;
  const collected = visitor.collect();
  // Each class's metadata is an object literal already, or (controllers) one per method.
  // The plugin's answer `type` of a route is `Object` for an interface: the answers come from
  // routeResults instead, so it is dropped (summaries and parameters stay).
  const literal = (meta: unknown, dropType = false): ts.Expression =>
    ts.isObjectLiteralExpression(meta as ts.Node)
      ? dropType
        ? f.createObjectLiteralExpression(
            (meta as ts.ObjectLiteralExpression).properties.filter((p) => !(p.name && ts.isIdentifier(p.name) && p.name.text === 'type')),
          )
        : (meta as ts.ObjectLiteralExpression)
      : f.createObjectLiteralExpression(
          Object.entries(meta as Record<string, unknown>).map(([key, value]) =>
            f.createPropertyAssignment(f.createStringLiteral(key), literal(value, dropType)),
          ),
        );
  const section = (entries: (typeof collected)['models'], dropType = false): ts.Expression =>
    f.createArrayLiteralExpression(
      entries.map(([importExpr, classes]) => f.createArrayLiteralExpression([importExpr, literal(classes, dropType)])),
    );
  const typeImports = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList(
      [
        f.createVariableDeclaration(
          't',
          undefined,
          undefined,
          f.createObjectLiteralExpression(
            Object.entries(visitor.typeImports).map(([key, expr]) =>
              f.createPropertyAssignment(f.createComputedPropertyName(f.createStringLiteral(key)), f.createIdentifier(String(expr))),
            ),
            true,
          ),
        ),
      ],
      ts.NodeFlags.Const,
    ),
  );
  const body = f.createObjectLiteralExpression([
    f.createPropertyAssignment(
      f.createStringLiteral('@nestjs/swagger'),
      f.createObjectLiteralExpression([
        f.createPropertyAssignment('models', section(collected.models)),
        f.createPropertyAssignment('controllers', section(collected.controllers, true)),
      ]),
    ),
  ]);
  const fn = f.createArrowFunction(
    [f.createToken(ts.SyntaxKind.AsyncKeyword)],
    undefined,
    [],
    undefined,
    undefined,
    f.createBlock([typeImports, f.createReturnStatement(body)], true),
  );
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const file = ts.createSourceFile('metadata.ts', '', ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return printer.printNode(ts.EmitHint.Expression, fn, file);
}

/** ts-json-schema-generator over arbitrary type nodes, collecting every named schema they reach. */
class ResultSchemas extends SchemaGenerator {
  readonly definitions: Record<string, Json> = {};

  schemaOf(node: ts.TypeNode): Json {
    const type = this.nodeParser.createType(node, new Context());
    this.appendRootChildDefinitions(type, this.definitions as never);
    return this.typeFormatter.getDefinition(type) as Json;
  }
}

/** A JSON Schema name fit for OpenAPI components: `Page<HouseholdView>` → `Page_HouseholdView`. */
export function componentName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * Rewrites `#/definitions/X` to `#/components/schemas/X` and drops what OpenAPI does not know.
 * Anonymous types get generated names (`def-…`, e.g. a route's `BindingRequestView[]`, or
 * `CommunityView & { roles }`): those are written out where they are used.
 */
function toOpenApi(schema: Json, definitions: Record<string, Json>): Json {
  if (Array.isArray(schema)) return schema.map((s) => toOpenApi(s, definitions));
  if (schema === null || typeof schema !== 'object') return schema;
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/definitions/')) {
    const name = decodeURIComponent(ref.slice('#/definitions/'.length));
    if (isAnonymous(name)) return toOpenApi(definitions[name] ?? {}, definitions);
    return { $ref: `#/components/schemas/${componentName(name)}` };
  }
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key !== '$schema') out[key] = toOpenApi(value, definitions);
  }
  return out;
}

const isAnonymous = (name: string): boolean => name.startsWith('def-');

function where(node: ts.Node): string {
  const sf = node.getSourceFile();
  const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
  return `${relative(SERVER, sf.fileName)}:${line + 1}`;
}

function decoratorName(d: ts.Decorator): string | undefined {
  const e = d.expression;
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return e.expression.text;
  return undefined;
}

/** The string literals a call is made with (`@ApiProduces(XLSX)` with `const XLSX = '…'`). */
function literalArguments(call: ts.CallExpression, checker: ts.TypeChecker): string[] {
  return call.arguments.map((arg) => {
    const type = checker.getTypeAtLocation(arg);
    if (!type.isStringLiteral()) throw new Error(`${where(arg)}: expected a string constant`);
    return type.value;
  });
}

/** The field of `@UseGuards(FileUpload('file', …))`, the guard that reads a multipart upload. */
function uploadField(decorators: readonly ts.Decorator[], checker: ts.TypeChecker): string | undefined {
  for (const d of decorators) {
    if (decoratorName(d) !== 'UseGuards') continue;
    for (const arg of (d.expression as ts.CallExpression).arguments) {
      if (ts.isCallExpression(arg) && ts.isIdentifier(arg.expression) && arg.expression.text === 'FileUpload' && arg.arguments[0]) {
        const type = checker.getTypeAtLocation(arg.arguments[0]);
        if (type.isStringLiteral()) return type.value;
      }
    }
  }
  return undefined;
}

/** What a route answers with, from its declared return type. */
function answerOf(method: ts.MethodDeclaration, id: string, schemas: ResultSchemas, checker: ts.TypeChecker): RouteDoc['answer'] {
  let type = method.type;
  if (!type) throw new Error(`${where(method)}: ${id} needs a declared return type (the API document is made from it)`);
  if (ts.isTypeReferenceNode(type) && type.typeName.getText() === 'Promise' && type.typeArguments?.length === 1) {
    type = type.typeArguments[0]!;
  }
  if (type.kind === ts.SyntaxKind.VoidKeyword || type.kind === ts.SyntaxKind.UndefinedKeyword) return { empty: true };
  if (ts.isTypeReferenceNode(type) && type.typeName.getText() === 'StreamableFile') {
    const produces = ts.getDecorators(method)?.find((d) => decoratorName(d) === 'ApiProduces');
    if (!produces) throw new Error(`${where(method)}: ${id} answers a file: name its media type with @ApiProduces('…')`);
    return { files: literalArguments(produces.expression as ts.CallExpression, checker) };
  }
  return { json: schemas.schemaOf(type) };
}

/** Every route of every controller, by operationId. */
function routeDocs(program: ts.Program, schemas: ResultSchemas, problems: string[]): Record<string, RouteDoc> {
  const checker = program.getTypeChecker();
  const routes: Record<string, RouteDoc> = {};
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || !sf.fileName.endsWith('.controller.ts')) continue;
    for (const cls of sf.statements.filter(ts.isClassDeclaration)) {
      if (!cls.name || !ts.getDecorators(cls)?.some((d) => decoratorName(d) === 'Controller')) continue;
      const classGuards = ts.getDecorators(cls) ?? [];
      for (const method of cls.members.filter(ts.isMethodDeclaration)) {
        const decorators = ts.getDecorators(method) ?? [];
        if (!decorators.some((d) => HTTP_METHODS.has(decoratorName(d) ?? ''))) continue;
        const id = `${cls.name.text}_${method.name.getText()}`;
        if (routes[id]) problems.push(`${where(method)}: a second ${id} (controller class names must be unique)`);
        try {
          const upload = uploadField([...classGuards, ...decorators], checker);
          routes[id] = { answer: answerOf(method, id, schemas, checker), ...(upload ? { upload } : {}) };
        } catch (error) {
          // Left out of the document (the api-docs e2e test names it) rather than failing the build.
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }
    }
  }
  return routes;
}

/** The server's build configuration (tsconfig.build.json), parsed as `tsc -p` does. */
function buildConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(TSCONFIG, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${TSCONFIG}`);
  return parsed;
}

/** Writes src/docs/api-docs.generated.ts; returns the program it was made from. */
export function generateApiDocs(tsconfig = buildConfig(), host = ts.createCompilerHost(tsconfig.options)): ts.Program {
  const program = ts.createProgram({ rootNames: tsconfig.fileNames, options: tsconfig.options, host });
  const visitor = new ReadonlyVisitor({ ...pluginOptions(), pathToSource: OUT_DIR });
  for (const sf of program.getSourceFiles()) {
    if (!sf.isDeclarationFile && sf.fileName !== OUTPUT) visitor.visit(program, sf);
  }
  const config: CompletedConfig = {
    ...DEFAULT_CONFIG,
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    encodeRefs: false,
    additionalProperties: false,
    skipTypeCheck: true,
  };
  const schemas = new ResultSchemas(program, createParser(program, config), createFormatter(config), config);
  const problems: string[] = [];
  const routes = routeDocs(program, schemas, problems);
  for (const problem of problems) console.warn(`API docs: ${problem}`);
  // The error body every refusal answers with, named whether or not a route's type reaches it.
  const errors = schemas.createSchema('ErrorBody') as { definitions?: Record<string, Json> };
  const definitions = { ...schemas.definitions, ...errors.definitions };
  const components: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(definitions)) {
    if (!isAnonymous(name)) components[componentName(name)] = toOpenApi(schema, definitions);
  }
  for (const { answer } of Object.values(routes)) if ('json' in answer) answer.json = toOpenApi(answer.json, definitions);
  const text = [
    '// Generated by apps/server/scripts/api-docs.ts from the DTOs, the controllers and shared-types. Do not edit.',
    "import type { ApiDocsMetadata } from './api-docs';",
    '',
    `export const pluginMetadata: ApiDocsMetadata['pluginMetadata'] = ${printPluginMetadata(visitor)};`,
    '',
    `export const schemas: ApiDocsMetadata['schemas'] = ${JSON.stringify(components, null, 2)};`,
    '',
    `export const routes: ApiDocsMetadata['routes'] = ${JSON.stringify(routes, null, 2)};`,
    '',
  ].join('\n');
  mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${OUTPUT}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, OUTPUT);
  return program;
}

/**
 * The server's build: generates the metadata, then compiles like `tsc -p tsconfig.build.json`,
 * reusing the files the generator has parsed already (all but the new metadata), which saves
 * a second parse of the server and its libraries' types.
 */
function build(): void {
  const config = buildConfig();
  const host = ts.createCompilerHost(config.options);
  const parsed = generateApiDocs(config, host);
  const read = host.getSourceFile;
  host.getSourceFile = (fileName, ...rest) => (fileName === OUTPUT ? undefined : parsed.getSourceFile(fileName)) ?? read(fileName, ...rest);
  const rootNames = [...new Set([...config.fileNames, OUTPUT])];
  const program = ts.createProgram({ rootNames, options: config.options, host, oldProgram: parsed });
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (diagnostics.length > 0) {
    const formatHost = {
      getCanonicalFileName: (f: string) => f,
      getCurrentDirectory: ts.sys.getCurrentDirectory,
      getNewLine: () => ts.sys.newLine,
    };
    console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, formatHost));
  }
  if (diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error)) process.exit(1);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Generates the file unless it is newer than every source it is made from. */
export function ensureApiDocs(): void {
  const made = existsSync(OUTPUT) ? statSync(OUTPUT).mtimeMs : 0;
  const sources = Math.max(
    ...[join(SERVER, 'src', 'modules'), join(SERVER, 'src', 'common'), SHARED_TYPES_DIST, NEST_CLI, __filename].map(newestMtime),
  );
  if (made <= sources) generateApiDocs();
}

if (require.main === module) {
  const started = Date.now();
  if (process.argv.includes('--build')) {
    build();
    console.log(`Server built, with the API docs metadata (${Date.now() - started} ms)`);
  } else {
    generateApiDocs();
    console.log(`API docs metadata: ${relative(process.cwd(), OUTPUT)} (${Date.now() - started} ms)`);
  }
}
