import { normalizeCode } from '@chartdesk/coding-rules';

/** What the typed text asks for: a code prefix, words, or a code prefix narrowed by words. */
export interface ParsedSearch {
  /** Normalized code or code prefix (no dot), when the first token looks like a code. */
  readonly code: string | undefined;
  /** Full-text query with every word as a prefix (`pneum:* & left:*`), when there are words. */
  readonly words: string | undefined;
}

const MAX_WORDS = 8;

/**
 * A token is a code when it normalizes as one and holds a digit or a dot, so
 * "sepsis" stays a word while "I10", "e11.9" and "99213" are codes.
 */
export function parseSearchText(text: string): ParsedSearch {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  let code: string | undefined;
  const first = tokens[0];
  if (first && /[0-9.]/.test(first)) {
    code = normalizeCode(first);
    if (code) tokens.shift();
  }
  const words = tokens
    .map((t) => t.toLowerCase().replace(/[^a-z0-9]/g, ''))
    // one-letter words match half the table and narrow nothing
    .filter((w) => w.length >= 2)
    .slice(0, MAX_WORDS);
  return { code, words: words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : undefined };
}
