/**
 * Lookups kept while the database is unchanged: the read cache's rule (ADR 0008) for what
 * nearly every request looks up first — whose API token or session it is, and what the reader
 * may do in an initiative, and their standing in it. A value is kept under the version read
 * before it was looked up (DatabaseHandle.memoVersion) and served only while that version is
 * current; any write that may change a kept value, here or by another process, drops them all
 * (on SQLite this process's writes to the busiest tables, which no kept lookup reads, do not:
 * memo-generation.ts). Kept values are shared: callers treat them as read-only.
 *
 * Worth it because requests share their reads of the version (shared-read.ts): on SQLite one
 * per turn of the event loop, on PostgreSQL one round trip for all the requests waiting, against
 * a lookup each. `readVersion` is null when the read cache is off: every lookup goes to the database.
 * A new kept lookup goes into test/api/memo-lookups.test.ts.
 */
export class VersionMemo<V> {
  private version: string | null = null;
  private kept = new Map<string, V>();

  constructor(
    private readonly readVersion: (() => Promise<string>) | null,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: string, lookup: () => Promise<V>): Promise<V> {
    if (this.readVersion === null) return lookup();
    const seen = await this.readVersion();
    if (seen !== this.version) {
      this.version = seen;
      this.kept = new Map();
    }
    if (this.kept.has(key)) return this.kept.get(key) as V;
    const value = await lookup();
    // Kept only if no other version was seen meanwhile (the value may be newer than `seen`, never older).
    if (seen === this.version) {
      if (this.kept.size >= this.maxEntries) this.kept = new Map();
      this.kept.set(key, value);
    }
    return value;
  }
}
