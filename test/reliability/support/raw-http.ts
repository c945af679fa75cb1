import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: percent-escapes such as `%00` or `%ED%A0%80` reach the server unchanged. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json?: unknown;
}

/**
 * A bare HTTP/1.1 client over kept-alive connections: supertest opens a connection per request,
 * which would make thousands of them slow, and it cannot send bytes a URL parser would reject.
 */
export class RawHttp {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(
    baseUrl: string,
    /** A request that takes longer than this counts as the server stalling. */
    private readonly timeoutMs = 15_000,
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: 8 });
  }

  /** Requests sent again because the server had closed a kept-alive connection as they went out. */
  retried = 0;

  /**
   * A server may close a kept-alive connection (after refusing an oversized body, say) just as the
   * next request goes out on it; that request is sent once more on a fresh connection.
   */
  async send(raw: RawRequest): Promise<RawResponse> {
    try {
      return await this.sendOnce(raw);
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      if (code !== 'ECONNRESET' && code !== 'EPIPE' && message !== 'socket hang up') throw error;
      this.retried += 1;
      return this.sendOnce(raw);
    }
  }

  private sendOnce(raw: RawRequest): Promise<RawResponse> {
    const body = raw.body === undefined ? undefined : Buffer.isBuffer(raw.body) ? raw.body : Buffer.from(raw.body, 'utf8');
    const headers: Record<string, string | number> = { ...raw.headers };
    if (body) headers['content-length'] = body.length;
    return new Promise((resolvePromise, reject) => {
      const outgoing = request(
        { agent: this.agent, host: this.host, port: this.port, method: raw.method, path: raw.path, headers, timeout: this.timeoutMs },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const contentType = String(incoming.headers['content-type'] ?? '');
            let json: unknown;
            if (contentType.includes('json')) {
              try {
                json = JSON.parse(text);
              } catch {
                json = undefined;
              }
            }
            resolvePromise({ status: incoming.statusCode ?? 0, contentType, text, json });
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `tasks` with at most `limit` at a time, in order of start. */
export async function inPool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
