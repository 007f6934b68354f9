import { performance } from 'node:perf_hooks';
import type { FastifyBaseLogger } from 'fastify';
import type { Dispatcher } from './dispatcher.js';
import type { JobQueue } from './jobs.js';

/**
 * The loop that delivers: hands new events to the consumers, then runs due jobs. Runs inside
 * `moebius start` by default, or alone as `moebius worker` (as many processes as wanted).
 */
export class Worker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly periodic: { name: string; everyMs: number; task: () => Promise<unknown>; lastRun: number }[] = [];

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly jobs: JobQueue,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs = 250,
    /** Most time one pass spends starting jobs: background work leaves the server to its requests. */
    private readonly budgetMs = 100,
  ) {}

  private utilisation = performance.eventLoopUtilization();

  /**
   * Whether the process was busy since the last pass (event loop over 60% used, i.e. serving
   * requests). A busy pass hands a quarter as many events to each consumer and gives jobs a
   * tenth of the time; both still progress every pass, and a backlog waits for quieter moments
   * instead of slowing every answer (at 5,000 supports a second, handing over 200 events per
   * pass took 8% of the serving thread; docs/benchmarks.md).
   */
  private wasBusy(): boolean {
    const since = performance.eventLoopUtilization(this.utilisation);
    this.utilisation = performance.eventLoopUtilization();
    return since.utilization > 0.6;
  }

  /** A task the worker runs at most every `everyMs` (real time), e.g. response-target alerts and digest planning. */
  schedule(name: string, everyMs: number, task: () => Promise<unknown>): void {
    this.periodic.push({ name, everyMs, task, lastRun: 0 });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      this.running = this.once()
        .then(() => undefined)
        .catch((error: unknown) => this.log.error({ err: error }, 'dispatch pass failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(loop, this.intervalMs);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: events to consumers, then due jobs. Returns how much was done. */
  async once(): Promise<number> {
    for (const p of this.periodic) {
      if (Date.now() - p.lastRun < p.everyMs) continue;
      p.lastRun = Date.now();
      await p.task().catch((error: unknown) => this.log.error({ err: error, task: p.name }, 'periodic task failed'));
    }
    const busy = this.wasBusy();
    const events = await this.dispatcher.tick(busy ? 'busy' : 'quiet');
    const jobs = await this.jobs.runDue(50, performance.now() + (busy ? this.budgetMs / 10 : this.budgetMs));
    return events + jobs;
  }

  /** Passes until there is nothing left to do now (tests, a drain before shutdown). */
  async drain(maxPasses = 50): Promise<void> {
    for (let pass = 0; pass < maxPasses; pass++) if ((await this.once()) === 0) return;
  }
}
