import { REQUIRED_QUERY_OPTIONS } from '@chartdesk/contracts';

/**
 * Wording that steers the provider toward a diagnosis or mentions payment
 * makes a query leading (AHIMA/ACDIS query practice brief); such drafts are refused.
 */
const LEADING_PATTERNS: readonly RegExp[] = [
  /\b(reimburse\w*|payment|paid|DRG|CC\b|MCC\b|severity of illness|case mix|revenue|financial)\b/i,
  /\b(please (document|add|confirm)|can you (document|add)|would you agree|isn't it|don't you think)\b/i,
];

export function leadingReason(question: string): string | null {
  return LEADING_PATTERNS.some((p) => p.test(question))
    ? 'The question may not mention payment or ask the provider to document a chosen diagnosis.'
    : null;
}

/** The clinical options as written, de-duplicated, followed by the two options every query must offer. */
export function queryOptions(options: readonly string[]): string[] {
  const required = REQUIRED_QUERY_OPTIONS.map((o) => o.toLowerCase());
  const isRequired = (o: string) => required.some((r) => o.toLowerCase().startsWith(r.split(' ')[0] ?? r));
  const clinical = [...new Set(options.map((o) => o.trim()).filter((o) => o.length > 0 && !isRequired(o)))];
  return [...clinical, ...REQUIRED_QUERY_OPTIONS];
}
