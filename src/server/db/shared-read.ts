/**
 * Shares one read among the callers waiting for it, without ever answering a caller with a read
 * that started before it asked. While a read is in flight, callers wait for the next one, which
 * starts as soon as the current one settles and answers all of them: at most one read in flight
 * and one waiting, however many callers. The PostgreSQL data version is read this way (ADR
 * 0008): every cached answer needs it, and a round trip per request was most of a hit's cost.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const started = read();
    current = started;
    const settled = () => {
      if (current === started) current = null;
    };
    started.then(settled, settled);
    return started;
  };
  const ignore = () => undefined;
  return () => {
    if (current === null) return start();
    next ??= current.then(ignore, ignore).then(() => {
      next = null;
      return start();
    });
    return next;
  };
}
