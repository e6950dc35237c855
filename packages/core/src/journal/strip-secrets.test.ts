import { describe, expect, it } from 'vitest';
import { isSecretName, stripSecrets } from './strip-secrets';

describe('stripSecrets', () => {
  it('removes secret fields and key-like values, keeps decoding parameters', () => {
    const config = {
      apiKey: 'abc',
      OPENAI_API_KEY: 'abc',
      nested: { 'x-api-key': 'abc', password: 'p', token: 't', maxTokens: 10, stopToken: '</s>' },
      providers: [{ name: 'a', secret: 's' }, 'sk-abcdefghijklmnopqrstu'],
      tokensPerMinute: 1000,
      maxOutputTokens: 4096,
      note: 'Bearer abcdef',
      url: 'https://me:pw@example.com/v1',
      when: new Date(0),
    };
    expect(stripSecrets(config)).toEqual({
      nested: { maxTokens: 10, stopToken: '</s>' },
      providers: [{ name: 'a' }],
      tokensPerMinute: 1000,
      maxOutputTokens: 4096,
      url: 'https://example.com/v1',
      when: new Date(0),
    });
    expect(config.apiKey).toBe('abc');
  });

  it('recognises secret names in any case and separator style', () => {
    for (const name of [
      'apiKey',
      'api_key',
      'API-KEY',
      'Authorization',
      'hfToken',
      'accessToken',
      'clientSecret',
    ]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['maxOutputTokens', 'tokensPerMinute', 'key', 'stopTokens', 'model']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});
