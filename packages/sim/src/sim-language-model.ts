import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  type LanguageModelV4,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamPart,
  type LanguageModelV4StreamResult,
  type LanguageModelV4Usage,
  type SharedV4ProviderMetadata,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { SimInvalidRequestError } from './errors';
import { splitIntoChunks } from './estimate-tokens';
import type { SimRequest, SimResponse, SimTokenLogprob } from './generate-sim-response';
import type { SimEngine, SimFault } from './sim-engine';
import type { SimModelSpec } from './sim-settings';
import { sleep, waitForAbort } from './sleep';

type Endpoint = 'chat' | 'completion';

function usageOf(
  response: Pick<SimResponse, 'promptTokens' | 'completionTokens'>,
): LanguageModelV4Usage {
  return {
    inputTokens: {
      total: response.promptTokens,
      noCache: response.promptTokens,
      cacheRead: 0,
      cacheWrite: undefined,
    },
    outputTokens: {
      total: response.completionTokens,
      text: response.completionTokens,
      reasoning: 0,
    },
    raw: {
      prompt_tokens: response.promptTokens,
      completion_tokens: response.completionTokens,
      total_tokens: response.promptTokens + response.completionTokens,
    },
  };
}

/**
 * Log probabilities go under `sim` and, mirroring `@ai-sdk/openai`'s chat model (same key, same
 * `{ token, logprob, top_logprobs: [{ token, logprob }] }` shape), under `openai`, so judge code
 * written for `providerMetadata.openai.logprobs` works unchanged.
 */
function metadataOf(logprobs: SimTokenLogprob[] | undefined): SharedV4ProviderMetadata | undefined {
  if (!logprobs) return undefined;
  const shaped = logprobs.map(l => ({
    token: l.token,
    logprob: l.logprob,
    top_logprobs: l.top_logprobs.map(t => ({ token: t.token, logprob: t.logprob })),
  }));
  return { sim: { logprobs: shaped }, openai: { logprobs: shaped } };
}

/** `providerOptions.sim.logprobs` or `.openai.logprobs`: `true` or a number of top alternatives. */
function requestedLogprobs(
  options: LanguageModelV4CallOptions,
): { topLogprobs: number } | undefined {
  for (const key of ['sim', 'openai']) {
    const value = options.providerOptions?.[key]?.logprobs;
    if (value === true) return { topLogprobs: 0 };
    if (typeof value === 'number' && value >= 0) return { topLogprobs: value };
  }
  return undefined;
}

function toSimRequest(
  endpoint: Endpoint,
  options: LanguageModelV4CallOptions,
  warnings: SharedV4Warning[],
): SimRequest {
  const messages: Array<{ role: string; content: string }> = [];
  let skipped = false;
  for (const message of options.prompt) {
    if (message.role === 'system') {
      messages.push({ role: 'system', content: message.content });
      continue;
    }
    const texts: string[] = [];
    for (const part of message.content) {
      if (part.type === 'text') texts.push(part.text);
      else skipped = true;
    }
    messages.push({ role: message.role, content: texts.join('') });
  }
  if (skipped)
    warnings.push({
      type: 'other',
      message: 'The simulator reads text parts only; other parts were ignored.',
    });
  if (
    options.maxOutputTokens !== undefined &&
    !(Number.isInteger(options.maxOutputTokens) && options.maxOutputTokens >= 0)
  ) {
    throw new SimInvalidRequestError({
      field: 'maxOutputTokens',
      message: `must be a non-negative integer, got ${options.maxOutputTokens}`,
    });
  }
  const logprobs = requestedLogprobs(options);
  const common = {
    ...(options.maxOutputTokens !== undefined ? { maxTokens: options.maxOutputTokens } : {}),
    ...(options.stopSequences?.length ? { stop: options.stopSequences } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(logprobs ? { logprobs } : {}),
  };
  if (endpoint === 'completion') {
    return { endpoint, prompt: messages.map(m => m.content).join('\n\n'), ...common };
  }
  const format = options.responseFormat;
  return {
    endpoint,
    messages,
    ...common,
    ...(format?.type === 'json' ? { responseFormat: { type: 'json', schema: format.schema } } : {}),
  };
}

/** A truncated or malformed body, as a non-streaming HTTP client would see it. */
function invalidBodyError(
  url: string,
  request: SimRequest,
  response: SimResponse,
  fault: SimFault,
): APICallError {
  const body = JSON.stringify({
    id: response.id,
    choices: [{ message: { role: 'assistant', content: response.text } }],
  });
  const responseBody =
    fault === 'truncate'
      ? body.slice(0, Math.floor(body.length / 2))
      : body.replace('"choices":', '"choices"::');
  return new APICallError({
    message: 'Invalid JSON response',
    url,
    requestBodyValues: request,
    statusCode: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody,
    isRetryable: false,
  });
}

/** A `LanguageModelV4` backed by the simulator engine (chat or raw completion). */
export class SimLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly provider: string;
  readonly modelId: string;
  readonly supportedUrls: Record<string, RegExp[]> = {};
  private readonly engine: SimEngine;
  private readonly endpoint: Endpoint;
  private readonly spec: SimModelSpec;

  constructor(modelId: string, { engine, endpoint }: { engine: SimEngine; endpoint: Endpoint }) {
    this.modelId = modelId;
    this.engine = engine;
    this.endpoint = endpoint;
    this.provider = `sim.${endpoint}`;
    this.spec = engine.model(modelId);
  }

  private get url(): string {
    return `sim://127.0.0.1/v1/${this.endpoint === 'chat' ? 'chat/completions' : 'completions'}`;
  }

  /** Applies the request's fault before any work: HTTP errors throw, a hang waits for the abort. */
  private async admit(
    request: SimRequest,
    signal: AbortSignal | undefined,
  ): Promise<SimFault | undefined> {
    const fault = this.engine.drawFault();
    if (fault === '429') {
      const seconds = this.engine.retryAfterSeconds;
      throw new APICallError({
        message: 'Rate limit reached (simulated). Retry after the time in the retry-after header.',
        url: this.url,
        requestBodyValues: request,
        statusCode: 429,
        responseHeaders: {
          'retry-after': String(seconds),
          'retry-after-ms': String(Math.round(seconds * 1000)),
        },
        responseBody: JSON.stringify({
          error: {
            message: 'Rate limit reached (simulated)',
            type: 'rate_limit_error',
            code: 'rate_limit_exceeded',
          },
        }),
        isRetryable: true,
      });
    }
    if (fault === '500') {
      throw new APICallError({
        message: 'Internal server error (simulated)',
        url: this.url,
        requestBodyValues: request,
        statusCode: 500,
        responseHeaders: {},
        responseBody: JSON.stringify({
          error: { message: 'Internal server error (simulated)', type: 'server_error' },
        }),
        isRetryable: true,
      });
    }
    if (fault === 'hang') await waitForAbort(signal);
    return fault;
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const warnings: SharedV4Warning[] = [];
    const request = toSimRequest(this.endpoint, options, warnings);
    const fault = await this.admit(request, options.abortSignal);
    const release = await this.engine.acquire(options.abortSignal);
    try {
      const response = this.engine.generate(this.spec, request);
      const delay = this.engine.responseDelayMs(response.completionTokens);
      if (delay > 0) await sleep(delay, options.abortSignal);
      if (fault === 'truncate' || fault === 'malformed') {
        this.engine.record({
          tokensIn: response.promptTokens,
          tokensOut: response.completionTokens,
          completed: false,
        });
        throw invalidBodyError(this.url, request, response, fault);
      }
      this.engine.record({
        tokensIn: response.promptTokens,
        tokensOut: response.completionTokens,
        completed: true,
      });
      const providerMetadata = metadataOf(response.logprobs);
      return {
        content: response.text.length > 0 ? [{ type: 'text', text: response.text }] : [],
        finishReason: { unified: response.finishReason, raw: response.finishReason },
        usage: usageOf(response),
        ...(providerMetadata ? { providerMetadata } : {}),
        request: { url: this.url, body: request },
        response: { id: response.id, modelId: this.modelId, timestamp: new Date() },
        warnings,
      };
    } finally {
      release();
    }
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const warnings: SharedV4Warning[] = [];
    const request = toSimRequest(this.endpoint, options, warnings);
    const signal = options.abortSignal;
    const fault = await this.admit(request, signal);
    const release = await this.engine.acquire(signal);
    let response: SimResponse;
    try {
      response = this.engine.generate(this.spec, request);
    } catch (error) {
      release();
      throw error;
    }
    const engine = this.engine;
    const modelId = this.modelId;
    let cancelled = false;
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      async start(controller) {
        let sentTenths = 0;
        // Faults change what is delivered, not the pacing.
        const total = splitIntoChunks(response.text).length;
        const cutAt = fault === 'truncate' ? Math.floor(total / 2) : total;
        const brokenAt = fault === 'malformed' ? Math.floor(total / 2) : -1;
        let index = 0;
        try {
          controller.enqueue({ type: 'stream-start', warnings });
          controller.enqueue({
            type: 'response-metadata',
            id: response.id,
            modelId,
            timestamp: new Date(),
          });
          controller.enqueue({ type: 'text-start', id: 'txt-0' });
          for await (const chunk of engine.paceChunks(response.text, signal)) {
            if (cancelled) return;
            if (index >= cutAt) break;
            if (index === brokenAt) {
              controller.enqueue({
                type: 'error',
                error: new JSONParseError({
                  text: `{"choices":[{"delta":{"content":${JSON.stringify(chunk.text)}`,
                  cause: new SyntaxError('Unexpected end of JSON input'),
                }),
              });
            } else {
              if (chunk.text.length > 0)
                controller.enqueue({ type: 'text-delta', id: 'txt-0', delta: chunk.text });
              sentTenths += chunk.tokenTenths;
            }
            index++;
          }
        } catch (error) {
          release();
          if (!cancelled) controller.error(error);
          return;
        }
        if (cancelled) return;
        release();
        if (fault === 'truncate') {
          // What @ai-sdk/openai-compatible reports when a server's stream stops without a finish
          // reason, so both faces look the same to AI SDK callers.
          engine.record({
            tokensIn: response.promptTokens,
            tokensOut: Math.ceil(sentTenths / 10),
            completed: false,
          });
          controller.enqueue({ type: 'text-end', id: 'txt-0' });
          controller.enqueue({
            type: 'error',
            error: new InvalidResponseDataError({
              data: undefined,
              message: 'Response stream ended without a finish reason.',
            }),
          });
          controller.enqueue({
            type: 'finish',
            finishReason: { unified: 'error', raw: undefined },
            usage: usageOf({
              promptTokens: response.promptTokens,
              completionTokens: Math.ceil(sentTenths / 10),
            }),
          });
          controller.close();
          return;
        }
        engine.record({
          tokensIn: response.promptTokens,
          tokensOut: response.completionTokens,
          completed: fault === undefined,
        });
        const providerMetadata = metadataOf(response.logprobs);
        controller.enqueue({ type: 'text-end', id: 'txt-0' });
        controller.enqueue({
          type: 'finish',
          finishReason: { unified: response.finishReason, raw: response.finishReason },
          usage: usageOf(response),
          ...(providerMetadata ? { providerMetadata } : {}),
        });
        controller.close();
      },
      cancel() {
        cancelled = true;
        release();
      },
    });
    return { stream, request: { url: this.url, body: request } };
  }
}
