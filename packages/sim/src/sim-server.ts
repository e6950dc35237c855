import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimInvalidRequestError, SimInvalidSettingsError } from './errors';
import { splitIntoChunks } from './estimate-tokens';
import type { SimResponse } from './generate-sim-response';
import { type ParsedOpenAIRequest, parseOpenAIRequest } from './parse-openai-request';
import { SimEngine, type SimStats } from './sim-engine';
import { listSimModelIds, parseSimModelId, type SimSettings } from './sim-settings';
import { sleep, waitForAbort } from './sleep';

export type SimServerSettings = SimSettings & {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Only `127.0.0.1` is accepted: the simulator is never exposed beyond the machine. */
  host?: string;
};

export type SimServer = {
  /** Base URL for OpenAI-compatible clients, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  port: number;
  /** Stops listening and ends open streams and hung requests. */
  close(): Promise<void>;
  stats(): SimStats;
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;

type HttpError = {
  status: number;
  message: string;
  type: string;
  param?: string;
  code?: string;
  headers?: Record<string, string>;
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    {
      error: {
        message: error.message,
        type: error.type,
        param: error.param ?? null,
        code: error.code ?? null,
      },
    },
    error.headers,
  );
}

/** The request body, or `undefined` once it exceeds MAX_BODY_BYTES (the rest is not buffered). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts).toString('utf8');
}

const sse = (res: ServerResponse, payload: unknown) =>
  res.write(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);

/**
 * Starts the OpenAI-compatible simulator server on 127.0.0.1: `GET /v1/models`,
 * `POST /v1/chat/completions` and `POST /v1/completions` (both streaming and not).
 */
export async function startSimServer(settings: SimServerSettings = {}): Promise<SimServer> {
  const { port = 0, host = '127.0.0.1', ...simSettings } = settings;
  if (host !== '127.0.0.1') {
    throw new SimInvalidSettingsError({
      field: 'host',
      message: `the simulator only binds 127.0.0.1, not "${host}"`,
    });
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SimInvalidSettingsError({
      field: 'port',
      message: `must be an integer from 0 to 65535, got ${port}`,
    });
  }
  const engine = new SimEngine(simSettings);
  const closing = new AbortController();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '');
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'ok' });
    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, {
        object: 'list',
        data: listSimModelIds().map(id => ({
          id,
          object: 'model',
          created: 0,
          owned_by: 'longform-sim',
        })),
      });
    }
    if (req.method === 'GET' && path.startsWith('/v1/models/')) {
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      if (parseSimModelId(id, engine.settings)) {
        return sendJson(res, 200, { id, object: 'model', created: 0, owned_by: 'longform-sim' });
      }
      return sendError(res, {
        status: 404,
        message: `The model '${id}' does not exist`,
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
      });
    }
    const endpoint =
      path === '/v1/chat/completions'
        ? 'chat'
        : path === '/v1/completions'
          ? 'completion'
          : undefined;
    if (endpoint === undefined) {
      return sendError(res, {
        status: 404,
        message: `Unknown route ${req.method} ${url.pathname}`,
        type: 'invalid_request_error',
        code: 'not_found',
      });
    }
    if (req.method !== 'POST') {
      return sendError(res, {
        status: 405,
        message: `Use POST for ${url.pathname}`,
        type: 'invalid_request_error',
      });
    }

    const text = await readBody(req);
    if (text === undefined) {
      return sendError(res, {
        status: 413,
        message: `Request body exceeds ${MAX_BODY_BYTES} bytes`,
        type: 'invalid_request_error',
      });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return sendError(res, {
        status: 400,
        message: `Invalid JSON body: ${(error as Error).message}`,
        type: 'invalid_request_error',
      });
    }

    let parsed: ParsedOpenAIRequest;
    try {
      parsed = parseOpenAIRequest(endpoint, raw);
    } catch (error) {
      if (!SimInvalidRequestError.isInstance(error)) throw error;
      return sendError(res, {
        status: 400,
        message: `Invalid request: ${error.message}`,
        type: 'invalid_request_error',
        ...(error.field ? { param: error.field } : {}),
      });
    }
    const { modelId, stream, includeUsage, request } = parsed;

    const spec = parseSimModelId(modelId, engine.settings);
    if (!spec) {
      return sendError(res, {
        status: 404,
        message: `The model '${modelId}' does not exist. Known models: ${listSimModelIds().join(', ')} (optionally with '@q=<0..1>').`,
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_found',
      });
    }

    const abort = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) abort.abort(new Error('client disconnected'));
    };
    const onClosing = () => abort.abort(new Error('server closing'));
    res.on('close', onClose);
    closing.signal.addEventListener('abort', onClosing, { once: true });
    try {
      const fault = engine.drawFault();
      if (fault === '429') {
        const seconds = engine.retryAfterSeconds;
        return sendError(res, {
          status: 429,
          message:
            'Rate limit reached (simulated). Retry after the time in the retry-after header.',
          type: 'rate_limit_error',
          code: 'rate_limit_exceeded',
          headers: {
            'retry-after': String(seconds),
            'retry-after-ms': String(Math.round(seconds * 1000)),
          },
        });
      }
      if (fault === '500') {
        return sendError(res, {
          status: 500,
          message: 'Internal server error (simulated)',
          type: 'server_error',
        });
      }
      if (fault === 'hang') {
        await waitForAbort(abort.signal).catch(() => undefined);
        res.destroy();
        return;
      }
      const release = await engine.acquire(abort.signal);
      try {
        const response = engine.generate(spec, request);
        const created = Math.floor(Date.now() / 1000);
        if (stream) {
          await writeStream({
            res,
            engine,
            response,
            endpoint,
            modelId,
            created,
            includeUsage,
            fault,
            signal: abort.signal,
          });
        } else {
          const delay = engine.responseDelayMs(response.completionTokens);
          if (delay > 0) await sleep(delay, abort.signal);
          const body = JSON.stringify(
            endpoint === 'chat'
              ? chatBody(response, modelId, created)
              : completionBody(response, modelId, created),
          );
          const payload =
            fault === 'truncate'
              ? body.slice(0, Math.floor(body.length / 2))
              : fault === 'malformed'
                ? body.replace('"choices":', '"choices"::')
                : body;
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          });
          res.end(payload);
          engine.record({
            tokensIn: response.promptTokens,
            tokensOut: response.completionTokens,
            completed: fault === undefined,
          });
        }
      } finally {
        release();
      }
    } catch (error) {
      if (abort.signal.aborted) {
        res.destroy();
        return;
      }
      throw error;
    } finally {
      res.off('close', onClose);
      closing.signal.removeEventListener('abort', onClosing);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(error => {
      if (!res.headersSent) {
        sendError(res, {
          status: 500,
          message: `Simulator error: ${(error as Error).message}`,
          type: 'server_error',
        });
      } else {
        res.destroy();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${actualPort}/v1`,
    port: actualPort,
    stats: () => engine.stats(),
    close: () => {
      closed ??= new Promise<void>(resolve => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function usageBody(response: SimResponse) {
  return {
    prompt_tokens: response.promptTokens,
    completion_tokens: response.completionTokens,
    total_tokens: response.promptTokens + response.completionTokens,
  };
}

function chatBody(response: SimResponse, model: string, created: number) {
  return {
    id: response.id,
    object: 'chat.completion',
    created,
    model,
    system_fingerprint: 'longform-sim',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: response.text, refusal: null },
        logprobs: response.logprobs ? { content: response.logprobs, refusal: null } : null,
        finish_reason: response.finishReason,
      },
    ],
    usage: usageBody(response),
  };
}

/** The legacy completions API reports logprobs per token with a token → logprob map of alternatives. */
function legacyLogprobs(response: SimResponse) {
  if (!response.logprobs) return null;
  return {
    tokens: response.logprobs.map(l => l.token),
    token_logprobs: response.logprobs.map(l => l.logprob),
    top_logprobs: response.logprobs.map(l =>
      Object.fromEntries(l.top_logprobs.map(t => [t.token, t.logprob])),
    ),
    text_offset: response.logprobs.map(() => 0),
  };
}

function completionBody(response: SimResponse, model: string, created: number) {
  return {
    id: response.id,
    object: 'text_completion',
    created,
    model,
    system_fingerprint: 'longform-sim',
    choices: [
      {
        index: 0,
        text: response.text,
        logprobs: legacyLogprobs(response),
        finish_reason: response.finishReason,
      },
    ],
    usage: usageBody(response),
  };
}

async function writeStream({
  res,
  engine,
  response,
  endpoint,
  modelId,
  created,
  includeUsage,
  fault,
  signal,
}: {
  res: ServerResponse;
  engine: SimEngine;
  response: SimResponse;
  endpoint: 'chat' | 'completion';
  modelId: string;
  created: number;
  includeUsage: boolean;
  fault: 'truncate' | 'malformed' | undefined;
  signal: AbortSignal;
}): Promise<void> {
  const chat = endpoint === 'chat';
  const base = {
    id: response.id,
    object: chat ? 'chat.completion.chunk' : 'text_completion',
    created,
    model: modelId,
    system_fingerprint: 'longform-sim',
  };
  const chunkOf = (text: string, finish: string | null, logprobs?: unknown) =>
    chat
      ? {
          ...base,
          choices: [
            {
              index: 0,
              delta: finish === null ? { content: text } : {},
              logprobs: logprobs ?? null,
              finish_reason: finish,
            },
          ],
        }
      : {
          ...base,
          choices: [{ index: 0, text, logprobs: logprobs ?? null, finish_reason: finish }],
        };

  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  if (chat)
    sse(res, {
      ...base,
      choices: [
        {
          index: 0,
          delta: { role: 'assistant', content: '' },
          logprobs: null,
          finish_reason: null,
        },
      ],
    });

  const total = splitIntoChunks(response.text).length;
  const cutAt = fault === 'truncate' ? Math.floor(total / 2) : total;
  const brokenAt = fault === 'malformed' ? Math.floor(total / 2) : -1;
  let index = 0;
  let sentTenths = 0;
  for await (const chunk of engine.paceChunks(response.text, signal)) {
    if (index >= cutAt) break;
    // Only judge replies carry logprobs, and they are a single chunk.
    const logprobs =
      response.logprobs && index === 0
        ? chat
          ? { content: response.logprobs, refusal: null }
          : legacyLogprobs(response)
        : undefined;
    const payload = JSON.stringify(chunkOf(chunk.text, null, logprobs));
    sse(res, index === brokenAt ? payload.slice(0, Math.floor(payload.length / 2)) : payload);
    if (index !== brokenAt) sentTenths += chunk.tokenTenths;
    index++;
  }
  if (fault === 'truncate') {
    // A dropped connection: no finish_reason, no usage, no [DONE].
    engine.record({
      tokensIn: response.promptTokens,
      tokensOut: Math.ceil(sentTenths / 10),
      completed: false,
    });
    res.end();
    return;
  }
  sse(res, chunkOf('', response.finishReason));
  if (includeUsage) sse(res, { ...base, choices: [], usage: usageBody(response) });
  sse(res, '[DONE]');
  res.end();
  engine.record({
    tokensIn: response.promptTokens,
    tokensOut: response.completionTokens,
    completed: fault === undefined,
  });
}
