import { generatePhrase, type ProseLanguage } from './generate-prose';
import type { Rng } from './random';

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema =>
  value != null && typeof value === 'object' && !Array.isArray(value);

const PLAN_FIELD = /word|target|count/i;

/** Where a plan-like schema keeps its sections: the array's path and its numeric length field. */
export type PlanArrayLocation = { path: string[]; field: string };

function resolveRef(schema: Schema, root: Schema): Schema {
  let current: Schema = schema;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 16; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#')) return {};
    let target: unknown = root;
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      target = isObject(target) ? target[key] : undefined;
    }
    if (!isObject(target)) return {};
    const { $ref: _ignored, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

function schemaTypes(schema: Schema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type))
    return schema.type.filter((t): t is string => typeof t === 'string');
  if (isObject(schema.properties)) return ['object'];
  if (schema.items !== undefined || schema.prefixItems !== undefined) return ['array'];
  return [];
}

function firstVariant(schema: Schema): Schema | undefined {
  const variants = (schema.anyOf ?? schema.oneOf) as unknown;
  if (!Array.isArray(variants) || variants.length === 0) return undefined;
  const nonNull = variants.filter(v => isObject(v) && v.type !== 'null');
  const chosen = (nonNull[0] ?? variants[0]) as unknown;
  return isObject(chosen) ? chosen : {};
}

function mergeAllOf(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  let merged: Schema = rest;
  for (const part of allOf as unknown[]) {
    if (!isObject(part)) continue;
    merged = {
      ...part,
      ...merged,
      properties: {
        ...(isObject(part.properties) ? part.properties : {}),
        ...(isObject(merged.properties) ? merged.properties : {}),
      },
      required: [
        ...(Array.isArray(part.required) ? part.required : []),
        ...(Array.isArray(merged.required) ? merged.required : []),
      ],
    };
  }
  return merged;
}

function normalize(schema: unknown, root: Schema): Schema {
  if (!isObject(schema)) return {};
  let current = mergeAllOf(resolveRef(schema, root));
  const variant = firstVariant(current);
  if (variant !== undefined) {
    const { anyOf: _a, oneOf: _o, ...rest } = current;
    current = normalize({ ...rest, ...variant }, root);
  }
  return current;
}

/**
 * Finds a plan-like array: an array of objects with a numeric property whose name contains
 * `word`, `target` or `count` (the root itself, or an object property up to three levels down).
 */
export function findPlanArray(
  schema: unknown,
  root: Schema = isObject(schema) ? schema : {},
): PlanArrayLocation | undefined {
  const visit = (node: unknown, path: string[], depth: number): PlanArrayLocation | undefined => {
    const s = normalize(node, root);
    const types = schemaTypes(s);
    if (types.includes('array')) {
      const items = normalize(s.items, root);
      if (isObject(items.properties)) {
        for (const [name, prop] of Object.entries(items.properties)) {
          const propTypes = schemaTypes(normalize(prop, root));
          if (
            PLAN_FIELD.test(name) &&
            (propTypes.includes('integer') || propTypes.includes('number'))
          ) {
            return { path, field: name };
          }
        }
      }
      return undefined;
    }
    if (depth < 3 && types.includes('object') && isObject(s.properties)) {
      for (const [name, prop] of Object.entries(s.properties)) {
        const found = visit(prop, [...path, name], depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(schema, [], 0);
}

type Context = {
  rng: Rng;
  language: ProseLanguage;
  root: Schema;
  plan?: { location: PlanArrayLocation; targets: number[]; mainPoint: () => string };
};

function fitString(text: string, schema: Schema): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  let out = text;
  while (out.length < min) out += out.length === 0 ? 'a' : ` ${text || 'a'}`;
  return out.length > max ? out.slice(0, max).trimEnd() || 'a'.repeat(Math.min(1, max)) : out;
}

function generateString(schema: Schema, ctx: Context): string {
  switch (schema.format) {
    case 'date-time':
      return '2026-01-01T00:00:00Z';
    case 'date':
      return '2026-01-01';
    case 'time':
      return '00:00:00';
    case 'email':
      return 'writer@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com/sim';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
  }
  return fitString(generatePhrase(ctx.rng, ctx.rng.int(2, 8), ctx.language), schema);
}

function generateNumber(schema: Schema, ctx: Context, integer: boolean): number {
  const exMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const exMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  let lo = typeof schema.minimum === 'number' ? schema.minimum : exMin !== undefined ? exMin : 0;
  let hi =
    typeof schema.maximum === 'number' ? schema.maximum : exMax !== undefined ? exMax : lo + 100;
  if (integer) {
    lo = exMin !== undefined && lo <= exMin ? Math.floor(exMin) + 1 : Math.ceil(lo);
    hi = exMax !== undefined && hi >= exMax ? Math.ceil(exMax) - 1 : Math.floor(hi);
  }
  if (hi < lo) hi = lo;
  const step =
    typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  if (step !== undefined) {
    const first = Math.ceil(lo / step);
    const last = Math.floor(hi / step);
    return (last >= first ? ctx.rng.int(first, last) : first) * step;
  }
  if (integer) return ctx.rng.int(lo, hi);
  let value = Math.round((lo + ctx.rng.next() * (hi - lo)) * 100) / 100;
  if (exMin !== undefined && value <= exMin) value = (exMin + hi) / 2;
  if (exMax !== undefined && value >= exMax) value = (lo + exMax) / 2;
  return value;
}

function arrayLength(schema: Schema, ctx: Context): number {
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(min, 3);
  return ctx.rng.int(
    Math.max(min, Math.min(1, max)),
    Math.max(min, Math.min(max, Math.max(min, 3))),
  );
}

/** Rebalances plan targets to exactly `count` sections with the same total. */
function resizeTargets(targets: number[], count: number): number[] {
  const total = targets.reduce((a, b) => a + b, 0);
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => base + (i < total % count ? 1 : 0));
}

function generateValue(node: unknown, path: string[], ctx: Context, depth: number): unknown {
  const schema = normalize(node, ctx.root);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return ctx.rng.pick(schema.enum);
  const types = schemaTypes(schema);
  const type = types.find(t => t !== 'null') ?? types[0] ?? (depth === 0 ? 'object' : 'string');
  if (depth > 8) return type === 'object' ? {} : type === 'array' ? [] : null;
  switch (type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      for (const [name, prop] of Object.entries(properties)) {
        if (required.has(name) || ctx.rng.next() < 0.5) {
          result[name] = generateValue(prop, [...path, name], ctx, depth + 1);
        }
      }
      return result;
    }
    case 'array': {
      const plan = ctx.plan;
      if (
        plan &&
        plan.location.path.length === path.length &&
        plan.location.path.every((p, i) => p === path[i])
      ) {
        const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
        const max =
          typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
        const count = Math.min(max, Math.max(min, plan.targets.length));
        const targets =
          count === plan.targets.length ? plan.targets : resizeTargets(plan.targets, count);
        const itemSchema = normalize(schema.items, ctx.root);
        return targets.map(target => {
          const item = generateValue(itemSchema, [...path, '*'], ctx, depth + 1) as Record<
            string,
            unknown
          >;
          item[plan.location.field] = target;
          for (const [name, prop] of Object.entries(
            isObject(itemSchema.properties) ? itemSchema.properties : {},
          )) {
            if (
              /main\s*point|title|heading|description|summary|point|topic/i.test(name) &&
              schemaTypes(normalize(prop, ctx.root)).includes('string')
            ) {
              item[name] = plan.mainPoint();
            }
          }
          return item;
        });
      }
      if (Array.isArray(schema.prefixItems)) {
        return schema.prefixItems.map((item, i) =>
          generateValue(item, [...path, String(i)], ctx, depth + 1),
        );
      }
      const length = arrayLength(schema, ctx);
      return Array.from({ length }, () =>
        generateValue(schema.items, [...path, '*'], ctx, depth + 1),
      );
    }
    case 'string':
      return generateString(schema, ctx);
    case 'integer':
      return generateNumber(schema, ctx, true);
    case 'number':
      return generateNumber(schema, ctx, false);
    case 'boolean':
      return ctx.rng.next() < 0.5;
    case 'null':
      return null;
    default:
      return generateString(schema, ctx);
  }
}

/**
 * A value valid for a JSON schema (objects, arrays, strings, numbers, integers, booleans, enums,
 * const, required, min/max items and bounds, `$ref`, `anyOf`/`oneOf`/`allOf`). With `plan`, the
 * plan-like array is filled with one item per target and the targets in its length field.
 */
export function generateJsonSchemaValue(
  schema: unknown,
  options: {
    rng: Rng;
    language: ProseLanguage;
    plan?: { location: PlanArrayLocation; targets: number[]; mainPoint: () => string };
  },
): unknown {
  const root = isObject(schema) ? schema : {};
  return generateValue(schema, [], { ...options, root }, 0);
}
