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

/**
 * Shares one read among the callers of one turn of the event loop: the read is made once, in
 * the check phase after the turn (setImmediate), so after every one of them asked. The SQLite
 * data version is read this way (ADR 0008): a statement per request was a tenth of a cached
 * answer's time, and the requests read from the sockets in one turn now share one.
 */
export function readOncePerTurn<T>(read: () => T): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        pending = null;
        try {
          resolve(read());
        } catch (error) {
          reject(error);
        }
      });
    });
    return pending;
  };
}
