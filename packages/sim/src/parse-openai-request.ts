import { z } from 'zod';
import { SimInvalidRequestError } from './errors';
import type { SimRequest } from './generate-sim-response';

const contentSchema = z.union([
  z.string(),
  z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
  z.null(),
]);
const stopSchema = z.union([z.string(), z.array(z.string()), z.null()]).optional();
const common = {
  model: z.string(),
  max_tokens: z.number().int().positive().nullish(),
  stop: stopSchema,
  seed: z.number().int().nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
};
const chatBodySchema = z.looseObject({
  ...common,
  max_completion_tokens: z.number().int().positive().nullish(),
  messages: z.array(z.looseObject({ role: z.string(), content: contentSchema.optional() })).min(1),
  response_format: z
    .looseObject({
      type: z.enum(['text', 'json_object', 'json_schema']),
      json_schema: z.looseObject({ schema: z.unknown().optional() }).nullish(),
    })
    .nullish(),
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
});
const completionBodySchema = z.looseObject({
  ...common,
  prompt: z.union([z.string(), z.array(z.string()).min(1)]),
  logprobs: z.number().int().min(0).max(20).nullish(),
});

/** An OpenAI request body in the simulator's terms, plus the transport options. */
export type ParsedOpenAIRequest = {
  modelId: string;
  stream: boolean;
  includeUsage: boolean;
  request: SimRequest;
};

function contentText(content: z.infer<typeof contentSchema> | undefined): string {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  return content
    .map(part => (part.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

function stopList(stop: string | string[] | null | undefined): string[] | undefined {
  if (stop == null) return undefined;
  return typeof stop === 'string' ? [stop] : stop;
}

function parseWith<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new SimInvalidRequestError({
    message: issue.message,
    field: issue.path.join('.') || undefined,
    cause: parsed.error,
  });
}

/**
 * Validates a `/v1/chat/completions` or `/v1/completions` body and converts it. Throws
 * `SimInvalidRequestError` naming the offending field.
 */
export function parseOpenAIRequest(
  endpoint: 'chat' | 'completion',
  body: unknown,
): ParsedOpenAIRequest {
  if (endpoint === 'chat') {
    const chat = parseWith(chatBodySchema, body);
    const maxTokens = chat.max_completion_tokens ?? chat.max_tokens ?? undefined;
    const stop = stopList(chat.stop);
    const format = chat.response_format;
    return {
      modelId: chat.model,
      stream: chat.stream === true,
      includeUsage: chat.stream_options?.include_usage === true,
      request: {
        endpoint,
        messages: chat.messages.map(m => ({ role: m.role, content: contentText(m.content) })),
        ...(maxTokens != null ? { maxTokens } : {}),
        ...(stop ? { stop } : {}),
        ...(chat.seed != null ? { seed: chat.seed } : {}),
        ...(format && format.type !== 'text'
          ? {
              responseFormat: {
                type: 'json',
                schema: format.type === 'json_schema' ? format.json_schema?.schema : undefined,
              },
            }
          : {}),
        ...(chat.logprobs ? { logprobs: { topLogprobs: chat.top_logprobs ?? 0 } } : {}),
      },
    };
  }
  const completion = parseWith(completionBodySchema, body);
  const stop = stopList(completion.stop);
  return {
    modelId: completion.model,
    stream: completion.stream === true,
    includeUsage: completion.stream_options?.include_usage === true,
    request: {
      endpoint,
      // Batched prompts are not simulated: the first prompt is answered.
      prompt: typeof completion.prompt === 'string' ? completion.prompt : completion.prompt[0]!,
      ...(completion.max_tokens != null ? { maxTokens: completion.max_tokens } : {}),
      ...(stop ? { stop } : {}),
      ...(completion.seed != null ? { seed: completion.seed } : {}),
      ...(completion.logprobs != null ? { logprobs: { topLogprobs: completion.logprobs } } : {}),
    },
  };
}
