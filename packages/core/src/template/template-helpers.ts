import type { HelperDelegate } from 'handlebars';

/**
 * The few helpers prompt templates need. Kept small on purpose: logic belongs in code that prepares
 * the variables, not in templates.
 * - `{{#if (eq mode "faithful")}}`: strict equality;
 * - `{{join items ", "}}`: joins an array (default separator `, `);
 * - `{{add @index 1}}`: integer addition, for 1-based numbering in `#each`.
 */
export const templateHelpers: Record<string, HelperDelegate> = {
  eq: (a: unknown, b: unknown) => a === b,
  join: (items: unknown, separator: unknown) => {
    if (!Array.isArray(items)) throw new Error('join: the first argument must be an array');
    return items.join(typeof separator === 'string' ? separator : ', ');
  },
  add: (a: unknown, b: unknown) => {
    if (typeof a !== 'number' || typeof b !== 'number')
      throw new Error('add: both arguments must be numbers');
    return a + b;
  },
};

/** Helpers Handlebars itself provides; a reference to one of these is not a variable. */
export const builtInHelpers = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'blockHelperMissing',
  'helperMissing',
]);

/** Block helpers that keep the surrounding context (others, such as `each` and `with`, change it). */
export const contextKeepingBlocks = new Set(['if', 'unless']);
