import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { InvalidInputError, TemplateError, TemplateVariablesError } from '../errors';
import { builtInHelpers, contextKeepingBlocks, templateHelpers } from './template-helpers';

export const templateSettingsSchema = z.object({
  /** Stable name, used in errors and run journals. */
  name: z.string().min(1),
  /** Handlebars source. */
  source: z.string(),
  /** zod object schema of the variables `render` accepts. */
  variables: z.custom<z.ZodObject>(isZodObject, {
    message: 'must be a zod object schema (z.object({...}))',
  }),
  /** Free-form version label of the prompt, recorded with runs. */
  version: z.string().min(1).optional(),
});

// Checked structurally rather than with `instanceof`, so a schema built with another copy of zod 4
// (a second install in the user's tree) is still accepted.
function isZodObject(value: unknown): value is z.ZodObject {
  const schema = value as {
    _zod?: { def?: { type?: unknown } };
    shape?: unknown;
    safeParse?: unknown;
  } | null;
  return (
    typeof schema === 'object' &&
    schema !== null &&
    schema._zod?.def?.type === 'object' &&
    typeof schema.shape === 'object' &&
    typeof schema.safeParse === 'function'
  );
}

export interface TemplateSettings<S extends z.ZodObject> {
  name: string;
  source: string;
  variables: S;
  version?: string;
}

export interface Template<S extends z.ZodObject = z.ZodObject> {
  readonly name: string;
  readonly version: string | undefined;
  readonly source: string;
  /** First 16 hex characters of the SHA-256 of `source`: a stable key for run journals. */
  readonly hash: string;
  readonly variables: S;
  /** Validates `variables` against the schema, then renders. */
  render(variables: z.input<S>): string;
}

// An isolated environment, so helpers registered by other code on the global Handlebars never
// change what a prompt renders.
const handlebars = Handlebars.create();
handlebars.registerHelper(templateHelpers);
const knownHelpers = new Set([...builtInHelpers, ...Object.keys(templateHelpers)]);

/**
 * A prompt template: Handlebars with `strict` (a lookup of an undefined variable throws instead of
 * rendering nothing) and `noEscape` (prompts are not HTML).
 *
 * User data is only ever a variable value and is never compiled, so a value containing `{{x}}` or
 * `$INST$` renders literally; there is no second substitution pass.
 *
 * Checks, in order:
 * - at creation, the source must parse and every variable it reads in the top-level context must be
 *   declared in `variables` (a typo such as `{{instrution}}` fails here, naming the line);
 * - at render, the variables must satisfy the schema (`TemplateVariablesError` naming each field);
 *   declared but absent optional variables render as empty;
 * - while rendering, strict mode catches any remaining undefined lookup, e.g. a misspelt field of
 *   an `#each` item (`TemplateError`).
 */
export function createTemplate<S extends z.ZodObject>(settings: TemplateSettings<S>): Template<S> {
  const parsed = templateSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInputError({
      field: issue.path.map(String).join('.') || 'settings',
      message: `createTemplate: ${issue.message}`,
      cause: parsed.error,
    });
  }
  const { name, source, version } = parsed.data;
  const schema = settings.variables;
  const declared = Object.keys(schema.shape);

  let ast: hbs.AST.Program;
  try {
    ast = handlebars.parse(source);
  } catch (error) {
    throw new TemplateError({
      templateName: name,
      message: `syntax error: ${errorMessage(error)}`,
      cause: error,
    });
  }
  checkReferences(ast, new Set(declared), name);
  const compiled = handlebars.compile<Record<string, unknown>>(ast, {
    strict: true,
    noEscape: true,
  });
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);

  return {
    name,
    version,
    source,
    hash,
    variables: schema,
    render(variables) {
      const result = schema.safeParse(variables);
      if (!result.success) {
        throw new TemplateVariablesError({
          templateName: name,
          issues: result.error.issues.map(issue => ({
            field: issue.path.map(String).join('.') || '(root)',
            message: issue.message,
          })),
          cause: result.error,
        });
      }
      // Strict mode throws on a missing key even when the schema allows it to be absent.
      const context: Record<string, unknown> = Object.fromEntries(
        declared.map(key => [key, undefined]),
      );
      Object.assign(context, result.data);
      try {
        return compiled(context);
      } catch (error) {
        throw renderError(error, name);
      }
    },
  };
}

function renderError(error: unknown, templateName: string): TemplateError {
  const message = errorMessage(error);
  // Handlebars strict mode: `"nmae" not defined in [object Object] - 3:12`.
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/s.exec(message);
  if (missing !== null) {
    return new TemplateError({
      templateName,
      line: Number(missing[2]),
      message: `"${missing[1]}" is not defined in the context it is read from (column ${missing[3]})`,
      cause: error,
    });
  }
  return new TemplateError({ templateName, message: `render failed: ${message}`, cause: error });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Expression = hbs.AST.Expression;

/** Rejects top-level variable reads that the schema does not declare. */
function checkReferences(
  program: hbs.AST.Program,
  declared: Set<string>,
  templateName: string,
): void {
  const fail = (path: hbs.AST.PathExpression) => {
    throw new TemplateError({
      templateName,
      line: path.loc?.start.line,
      message:
        `{{${path.original}}} reads "${path.parts[0]}", which is not a declared variable ` +
        `(declared: ${[...declared].join(', ') || 'none'})`,
    });
  };

  const checkExpression = (expression: Expression) => {
    if (expression.type === 'PathExpression') {
      const path = expression as hbs.AST.PathExpression;
      const head = path.parts[0];
      if (!path.data && path.depth === 0 && head !== undefined && !declared.has(head)) fail(path);
    } else if (expression.type === 'SubExpression') {
      checkCall(expression as hbs.AST.SubExpression);
    }
  };

  const checkCall = (call: { path: Expression; params: Expression[]; hash?: hbs.AST.Hash }) => {
    const callee = call.path as hbs.AST.PathExpression;
    const isHelper =
      call.path.type === 'PathExpression' &&
      callee.parts.length === 1 &&
      knownHelpers.has(callee.original);
    if (!isHelper) checkExpression(call.path);
    for (const param of call.params) checkExpression(param);
    for (const pair of call.hash?.pairs ?? []) checkExpression(pair.value);
  };

  const walk = (body: hbs.AST.Statement[]) => {
    for (const statement of body) {
      if (statement.type === 'MustacheStatement') {
        checkCall(statement as hbs.AST.MustacheStatement);
      } else if (
        statement.type === 'PartialStatement' ||
        statement.type === 'PartialBlockStatement'
      ) {
        // No partials are registered, and resolving them at render time would hide missing ones.
        throw new TemplateError({
          templateName,
          line: statement.loc?.start.line,
          message: 'partials ({{> name}}) are not supported; compose templates in code instead',
        });
      } else if (statement.type === 'BlockStatement') {
        const block = statement as hbs.AST.BlockStatement;
        checkCall(block);
        // Inside `each`/`with` lookups resolve against the item, which strict mode checks at render.
        if (contextKeepingBlocks.has(block.path.original)) {
          walk(block.program?.body ?? []);
        }
        walk(block.inverse?.body ?? []);
      }
    }
  };
  walk(program.body);
}
