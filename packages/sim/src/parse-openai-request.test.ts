import { describe, expect, it } from 'vitest';
import { SimInvalidRequestError } from './errors';
import { parseOpenAIRequest } from './parse-openai-request';

describe('parseOpenAIRequest', () => {
  it('converts a chat body', () => {
    const parsed = parseOpenAIRequest('chat', {
      model: 'sim:over',
      messages: [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Write ' },
            { type: 'image_url' },
            { type: 'text', text: '50 words.' },
          ],
        },
      ],
      max_tokens: 10,
      max_completion_tokens: 20,
      stop: 'END',
      seed: 3,
      stream: true,
      stream_options: { include_usage: true },
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'x', schema: { type: 'object' } },
      },
      logprobs: true,
      top_logprobs: 5,
      temperature: 0.5,
    });
    expect(parsed).toEqual({
      modelId: 'sim:over',
      stream: true,
      includeUsage: true,
      request: {
        endpoint: 'chat',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Write 50 words.' },
        ],
        maxTokens: 20,
        stop: ['END'],
        seed: 3,
        responseFormat: { type: 'json', schema: { type: 'object' } },
        logprobs: { topLogprobs: 5 },
      },
    });
  });

  it('converts a completions body', () => {
    expect(
      parseOpenAIRequest('completion', {
        model: 'sim',
        prompt: ['a', 'b'],
        stop: null,
        logprobs: 2,
      }),
    ).toEqual({
      modelId: 'sim',
      stream: false,
      includeUsage: false,
      request: { endpoint: 'completion', prompt: 'a', logprobs: { topLogprobs: 2 } },
    });
  });

  it('names the invalid field', () => {
    const error = (() => {
      try {
        parseOpenAIRequest('chat', { model: 'sim', messages: [{ role: 'user', content: 5 }] });
      } catch (e) {
        return e;
      }
    })();
    expect(SimInvalidRequestError.isInstance(error)).toBe(true);
    expect((error as SimInvalidRequestError).field).toBe('messages.0.content');
    expect(() => parseOpenAIRequest('completion', { model: 'sim' })).toThrow(/field "prompt"/);
    expect(() => parseOpenAIRequest('chat', { model: 'sim', messages: [], max_tokens: 1 })).toThrow(
      /field "messages"/,
    );
  });
});
