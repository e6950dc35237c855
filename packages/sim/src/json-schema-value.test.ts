import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findPlanArray, generateJsonSchemaValue } from './json-schema-value';
import { createRng } from './random';

describe('generateJsonSchemaValue', () => {
  it('produces values valid for zod-generated schemas', () => {
    const Item = z.object({ id: z.number().int().positive(), label: z.string().max(12) });
    const schema = z.object({
      items: z.array(Item).min(2).max(3),
      mode: z.enum(['fast', 'slow']),
      ratio: z.number().min(0.5).max(0.6),
      step: z.number().multipleOf(5).min(10).max(30),
      optional: z.string().optional(),
      union: z.union([z.string(), z.number()]),
      nullable: z.number().nullable(),
      tuple: z.tuple([z.string(), z.boolean()]),
      record: z.object({ uuid: z.uuid(), url: z.url() }),
    });
    const json = z.toJSONSchema(schema);
    for (let seed = 0; seed < 30; seed++) {
      const value = generateJsonSchemaValue(json, { rng: createRng(seed), language: 'en' });
      expect(() => schema.parse(value), JSON.stringify(value)).not.toThrow();
    }
  });

  it('follows $ref definitions', () => {
    const schema = {
      type: 'object',
      properties: { node: { $ref: '#/$defs/Node' } },
      required: ['node'],
      $defs: {
        Node: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 2 } },
          required: ['name'],
        },
      },
    };
    const value = generateJsonSchemaValue(schema, { rng: createRng(1), language: 'en' }) as {
      node: { name: string };
    };
    expect(value.node.name.length).toBeGreaterThanOrEqual(2);
  });

  it('fills a plan-like array with the given targets', () => {
    const schema = z.toJSONSchema(
      z.object({
        plan: z.object({
          sections: z.array(z.object({ heading: z.string(), wordCount: z.number().int() })),
        }),
      }),
    );
    const location = findPlanArray(schema);
    expect(location).toEqual({ path: ['plan', 'sections'], field: 'wordCount' });
    const value = generateJsonSchemaValue(schema, {
      rng: createRng(2),
      language: 'en',
      plan: { location: location!, targets: [300, 500, 200], mainPoint: () => 'Point' },
    }) as { plan: { sections: Array<{ heading: string; wordCount: number }> } };
    expect(value.plan.sections.map(s => s.wordCount)).toEqual([300, 500, 200]);
    expect(value.plan.sections.every(s => s.heading === 'Point')).toBe(true);
  });

  it('keeps the total when a plan must fit maxItems', () => {
    const schema = z.toJSONSchema(z.array(z.object({ targetWords: z.number() })).max(2));
    const value = generateJsonSchemaValue(schema, {
      rng: createRng(3),
      language: 'en',
      plan: { location: findPlanArray(schema)!, targets: [300, 300, 400], mainPoint: () => 'x' },
    }) as Array<{ targetWords: number }>;
    expect(value).toHaveLength(2);
    expect(value.reduce((s, v) => s + v.targetWords, 0)).toBe(1000);
  });

  it('finds no plan in schemas without a numeric length field', () => {
    expect(
      findPlanArray(z.toJSONSchema(z.object({ items: z.array(z.object({ name: z.string() })) }))),
    ).toBeUndefined();
  });
});
