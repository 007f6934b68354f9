import type { ServerResponse } from 'node:http';

/** One Server-Sent Events message, encoded once and written to every reader it is for. */
export function sseFrame(event: string, data: unknown, id?: number): Buffer {
  // JSON.stringify never emits a raw newline, so `data:` is one line.
  return Buffer.from(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export const HEARTBEAT = Buffer.from(': ping\n\n');

/**
 * One open stream: the raw response of a hijacked request. Writes never throw; a reader that
 * stops reading is dropped once `maxBufferedBytes` wait in its socket buffer (it reconnects and
 * resumes with Last-Event-ID), so slow readers cannot grow the server's memory.
 */
export class SseConnection {
  private ended = false;
  private readonly closeListeners: (() => void)[] = [];
  /** When something was last written (heartbeats go only to streams idle for a while). */
  lastWriteAt = Date.now();

  constructor(
    private readonly raw: ServerResponse,
    private readonly maxBufferedBytes: number,
  ) {
    raw.on('close', () => this.finish());
    raw.on('error', () => this.finish());
  }

  /** Writes the head and the reconnection delay; call once, right after hijacking. */
  open(headers: Record<string, string>, retryMs: number): void {
    const socket = this.raw.socket;
    // (`app.inject` gives a stand-in socket without these.)
    if (typeof socket?.setNoDelay === 'function') socket.setNoDelay(true);
    if (typeof socket?.setKeepAlive === 'function') socket.setKeepAlive(true);
    this.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      ...headers,
    });
    this.write(Buffer.from(`retry: ${retryMs}\n\n`));
  }

  get closed(): boolean {
    return this.ended;
  }

  write(chunk: Buffer): void {
    if (this.ended) return;
    if (this.raw.writableLength > this.maxBufferedBytes) {
      this.close();
      return;
    }
    this.lastWriteAt = Date.now();
    try {
      this.raw.write(chunk);
    } catch {
      this.close();
    }
  }

  onClose(listener: () => void): void {
    if (this.ended) listener();
    else this.closeListeners.push(listener);
  }

  /** Ends the response (server shutdown, lifetime reached, too slow). */
  close(): void {
    if (this.ended) return;
    try {
      this.raw.end();
    } catch {
      // the socket is gone already
    }
    this.finish();
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
