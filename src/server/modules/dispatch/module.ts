import type { Context } from '../../context.js';
import { newId } from '../../lib/ids.js';
import { Dispatcher } from './dispatcher.js';
import { JobQueue } from './jobs.js';
import { Worker } from './worker.js';

/** The delivery machinery: one worker id shared by the dispatcher and the job queue of this process. */
export interface Dispatch {
  dispatcher: Dispatcher;
  jobs: JobQueue;
  worker: Worker;
}

export function createDispatch(ctx: Context, intervalMs = 250): Dispatch {
  const workerId = newId();
  const dispatcher = new Dispatcher(ctx, workerId);
  const jobs = new JobQueue(ctx, workerId);
  return { dispatcher, jobs, worker: new Worker(dispatcher, jobs, ctx.log, intervalMs) };
}
