export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

/**
 * Splits document text around every case-insensitive occurrence of `term`, so
 * the template renders matches in <mark> without ever building HTML from text.
 */
export function highlightSegments(text: string, term: string): TextSegment[] {
  const needle = term.trim().toLowerCase();
  if (needle.length < 2) return [{ text, match: false }];
  const haystack = text.toLowerCase();
  const segments: TextSegment[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, from)) {
    if (at > from) segments.push({ text: text.slice(from, at), match: false });
    segments.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) segments.push({ text: text.slice(from), match: false });
  return segments;
}

export function countMatches(text: string, term: string): number {
  return highlightSegments(text, term).filter((s) => s.match).length;
}
