import { describe, expect, it } from 'vitest';
import { SimError } from './sim-error';
import { SimInvalidRequestError } from './sim-invalid-request-error';
import { SimInvalidSettingsError } from './sim-invalid-settings-error';
import { SimUnknownModelError } from './sim-unknown-model-error';

describe('sim errors', () => {
  it('are recognised through their global markers', () => {
    const unknown = new SimUnknownModelError({ modelId: 'gpt-4o' });
    expect(SimError.isInstance(unknown)).toBe(true);
    expect(SimUnknownModelError.isInstance(unknown)).toBe(true);
    expect(SimInvalidSettingsError.isInstance(unknown)).toBe(false);
    expect(SimError.isInstance(new Error('plain'))).toBe(false);
    expect(SimError.isInstance(undefined)).toBe(false);
    expect(unknown.name).toBe('SimUnknownModelError');
    expect(unknown.message).toContain("'gpt-4o'");
  });

  it('name the field', () => {
    const error = new SimInvalidRequestError({
      message: 'must be a string',
      field: 'messages.0.content',
    });
    expect(error.message).toBe('field "messages.0.content": must be a string');
    expect(error.name).toBe('SimInvalidRequestError');
    expect(SimInvalidRequestError.isInstance(error)).toBe(true);
  });
});
