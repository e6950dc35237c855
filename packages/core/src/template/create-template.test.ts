import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidInputError, TemplateError, TemplateVariablesError } from '../errors';
import { createTemplate } from './create-template';

const writeSource = [
  'Writing instruction:',
  '{{instruction}}',
  '',
  'Writing steps:',
  '{{#each steps}}',
  'Paragraph {{add @index 1}} - {{mainPoint}} ({{targetWords}} words)',
  '{{/each}}',
  '',
  '{{#if text}}',
  'Already written text:',
  '{{text}}',
  '{{/if}}',
  'Continue with: {{step}}',
].join('\n');

const writeTemplate = () =>
  createTemplate({
    name: 'write',
    version: '1',
    source: writeSource,
    variables: z.object({
      instruction: z.string().min(1),
      steps: z.array(z.object({ mainPoint: z.string(), targetWords: z.number().int().positive() })),
      text: z.string().optional(),
      step: z.string(),
    }),
  });

describe('createTemplate', () => {
  it('renders validated variables once, with standalone block lines removed', () => {
    const template = writeTemplate();
    expect(
      template.render({
        instruction: 'Write about Rome.',
        steps: [
          { mainPoint: 'Founding', targetWords: 400 },
          { mainPoint: 'Empire', targetWords: 600 },
        ],
        step: 'Paragraph 1',
      }),
    ).toBe(
      'Writing instruction:\nWrite about Rome.\n\nWriting steps:\nParagraph 1 - Founding (400 words)\nParagraph 2 - Empire (600 words)\n\nContinue with: Paragraph 1',
    );
  });

  it('exposes name, version, source and a 16-hex source hash', () => {
    const template = writeTemplate();
    expect(template.name).toBe('write');
    expect(template.version).toBe('1');
    expect(template.source).toBe(writeSource);
    expect(template.hash).toBe(createHash('sha256').update(writeSource).digest('hex').slice(0, 16));
    expect(template.hash).toMatch(/^[0-9a-f]{16}$/);
    const other = createTemplate({
      name: 'write',
      source: `${writeSource} `,
      variables: template.variables,
    });
    expect(other.hash).not.toBe(template.hash);
  });

  it('never compiles user data: placeholders inside values render literally', () => {
    const template = createTemplate({
      name: 'plan',
      source: 'Instruction: {{instruction}}\nPlan: {{plan}}',
      variables: z.object({ instruction: z.string(), plan: z.string() }),
    });
    const evil = 'Write {{plan}} and {{evil}} and $INST$ {{#each x}}y{{/each}} <b>&amp;</b>';
    expect(template.render({ instruction: evil, plan: '$INST$ $PLAN$ {{instruction}}' })).toBe(
      `Instruction: ${evil}\nPlan: $INST$ $PLAN$ {{instruction}}`,
    );
  });

  it('rejects invalid variables naming the template and every field', () => {
    const template = writeTemplate();
    const call = () =>
      template.render({ instruction: '', steps: [{ mainPoint: 'x', targetWords: -1 }] } as never);
    expect(call).toThrow(TemplateVariablesError);
    try {
      call();
    } catch (error) {
      expect(TemplateVariablesError.isInstance(error)).toBe(true);
      const variablesError = error as TemplateVariablesError;
      expect(variablesError.templateName).toBe('write');
      expect(variablesError.fields).toEqual(['instruction', 'steps.0.targetWords', 'step']);
      expect(variablesError.message).toMatch(
        /^template "write": invalid variables: field "instruction": /,
      );
      expect(variablesError.message).toContain('field "step":');
    }
  });

  it('rejects a missing required variable at render time', () => {
    const template = createTemplate({
      name: 'judge',
      source: 'Request: {{instruction}}',
      variables: z.object({ instruction: z.string() }),
    });
    expect(() => template.render({} as never)).toThrow(
      /template "judge": invalid variables: field "instruction"/,
    );
  });

  it('fails fast on a misspelt variable in the template, naming it and the line', () => {
    const create = () =>
      createTemplate({
        name: 'write',
        source: 'Writing instruction:\n{{instrution}}',
        variables: z.object({ instruction: z.string() }),
      });
    expect(create).toThrow(TemplateError);
    expect(create).toThrow(
      /template "write" \(line 2\): \{\{instrution\}\} reads "instrution".*declared: instruction/,
    );
    expect(() =>
      createTemplate({
        name: 'x',
        source: '{{#if (eq mdoe "a")}}a{{/if}}{{join itmes ", "}}',
        variables: z.object({ mode: z.string(), items: z.array(z.string()) }),
      }),
    ).toThrow(/reads "mdoe"/);
  });

  it('throws at render time (strict mode) on a lookup the static check cannot see', () => {
    const template = createTemplate({
      name: 'list',
      source: '{{#each sections}}\n- {{titel}}\n{{/each}}',
      variables: z.object({ sections: z.array(z.object({ title: z.string() })) }),
    });
    const render = () => template.render({ sections: [{ title: 'A' }] });
    expect(render).toThrow(TemplateError);
    expect(render).toThrow(/template "list" \(line 2\): "titel" is not defined/);
    expect(template.render({ sections: [] })).toBe('');
  });

  it('renders an absent optional variable as empty, and applies schema defaults and transforms', () => {
    const template = createTemplate({
      name: 'opt',
      source: '[{{note}}] {{count}} {{upper}}',
      variables: z.object({
        note: z.string().optional(),
        count: z.number().default(3),
        upper: z.string().transform(value => value.toUpperCase()),
      }),
    });
    expect(template.render({ upper: 'abc' })).toBe('[] 3 ABC');
  });

  it('provides eq, join and add helpers', () => {
    const template = createTemplate({
      name: 'helpers',
      source:
        '{{#if (eq mode "faithful")}}F{{else}}P{{/if}} {{join tags}} {{join tags " | "}} {{add n 1}}',
      variables: z.object({
        mode: z.enum(['faithful', 'project']),
        tags: z.array(z.string()),
        n: z.number(),
      }),
    });
    expect(template.render({ mode: 'faithful', tags: ['a', 'b'], n: 1 })).toBe('F a, b a | b 2');
    expect(template.render({ mode: 'project', tags: [], n: 0 })).toBe('P   1');
  });

  it('does not HTML-escape', () => {
    const template = createTemplate({
      name: 'raw',
      source: '{{x}}',
      variables: z.object({ x: z.string() }),
    });
    expect(template.render({ x: '<a href="x">&</a>' })).toBe('<a href="x">&</a>');
  });

  it('reports template syntax errors and bad settings at creation', () => {
    expect(() =>
      createTemplate({
        name: 'broken',
        source: '{{#if x}}',
        variables: z.object({ x: z.string() }),
      }),
    ).toThrow(/template "broken": syntax error/);
    expect(() => createTemplate({ name: '', source: 'x', variables: z.object({}) })).toThrow(
      InvalidInputError,
    );
    expect(() =>
      createTemplate({ name: 'n', source: 'x', variables: z.string() as unknown as z.ZodObject }),
    ).toThrow(/field "variables": createTemplate: must be a zod object schema/);
  });

  it('rejects partials at creation', () => {
    expect(() =>
      createTemplate({ name: 'p', source: 'a\n{{> header}}', variables: z.object({}) }),
    ).toThrow(/template "p" \(line 2\): partials/);
  });

  it('is unaffected by helpers registered on the global Handlebars', async () => {
    const { default: Handlebars } = await import('handlebars');
    Handlebars.registerHelper('shout', () => 'GLOBAL');
    try {
      expect(() =>
        createTemplate({ name: 'g', source: '{{shout}}', variables: z.object({}) }),
      ).toThrow(TemplateError);
    } finally {
      Handlebars.unregisterHelper('shout');
    }
  });
});
