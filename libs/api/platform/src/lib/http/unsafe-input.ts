/**
 * Checks every request input must pass before it reaches a pipe, a service or
 * PostgreSQL. Pure functions, so the Fastify hooks stay thin and these are unit-tested.
 */

/** Deeper than any DTO or FHIR bundle we accept; class-transformer recurses per level. */
export const MAX_JSON_DEPTH = 64;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null when it is acceptable. */
export function unsafeStringReason(value: string): string | null {
  // PostgreSQL text cannot hold NUL, and a lone surrogate is not encodable as UTF-8.
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains an invalid Unicode character (a lone surrogate)';
  return null;
}

/**
 * The first unsafe string (keys included) anywhere in a parsed value, as a
 * path and reason. Iterative, so a deep value cannot overflow the stack here.
 */
export function findUnsafeString(root: unknown, rootName: string): { path: string; reason: string } | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: rootName }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value === 'string') {
      const reason = unsafeStringReason(value);
      if (reason) return { path, reason };
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]` }));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const reason = unsafeStringReason(k);
        if (reason) return { path: `${path} (a key)`, reason };
        stack.push({ value: v, path: `${path}.${k}` });
      }
    }
  }
  return null;
}

/**
 * The nesting depth of a JSON text, scanned without parsing so that a body
 * 20,000 levels deep is refused before any recursive code sees it.
 */
export function jsonTextDepth(text: string, stopAbove: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}
