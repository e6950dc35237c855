import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language';
import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('masks API keys, bearer tokens and key=value credentials', () => {
    expect(redactSecrets('Incorrect API key provided: sk-proj-abcdefghijklmnop.')).toBe(
      'Incorrect API key provided: [redacted].',
    );
    expect(redactSecrets('header Authorization: Bearer abc.def-ghi')).toBe(
      'header Authorization: Bearer [redacted]',
    );
    expect(redactSecrets('api_key=12345678 then')).toBe('api_key=[redacted] then');
    expect(redactSecrets('{"token": "zzz"}')).toBe('{"token": "[redacted]"}');
    expect(redactSecrets('429 Too Many Requests')).toBe('429 Too Many Requests');
  });
});

describe('detectLanguage', () => {
  it('labels Chinese, English and other scripts', () => {
    expect(detectLanguage('这是一个关于河流的故事，包含 GPT 一词。')).toBe('zh');
    expect(detectLanguage('A story about rivers, with 一 ideograph.')).toBe('en');
    expect(detectLanguage('Привет мир')).toBe('other');
  });
});
