/** Broad queries only: the short words every coder types on the way to a precise one. */
export const BROAD_QUERY_TOTAL = 1000;
const MAX_ENTRIES = 500;
/** A release imported on another instance shows in broad results within this time (this instance's own imports too). */
export const RESULT_TTL_MS = 60_000;

/**
 * Pages of broad queries ("fracture", "S7", "inj"), which match thousands of
 * codes and cost the most to rank, kept briefly per instance. Narrow queries
 * always go to the database. Least recently used entries go first.
 */
export class SearchResultCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  get(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (Date.now() - hit.at > RESULT_TTL_MS) return undefined;
    this.entries.set(key, hit);
    return hit.value;
  }

  put(key: string, value: T, total: number): void {
    if (total < BROAD_QUERY_TOTAL) return;
    this.entries.set(key, { value, at: Date.now() });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
  }
}
