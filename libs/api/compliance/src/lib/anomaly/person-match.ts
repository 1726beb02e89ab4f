/** Surname as a comparison key: case, accents and punctuation do not matter. */
export function nameKey(name: string | null | undefined): string {
  return (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The family name from a display name written "Given Family" (the profile's own field wins when set). */
export function surnameFromDisplayName(displayName: string): string {
  const parts = displayName.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

const STREET_WORDS: Record<string, string> = {
  street: 'st',
  avenue: 'ave',
  road: 'rd',
  drive: 'dr',
  lane: 'ln',
  boulevard: 'blvd',
  court: 'ct',
  apartment: 'apt',
  suite: 'ste',
};

/** An address line as a comparison key: "12 Oak Street, Apt 4" and "12 oak st apt 4" match. */
export function addressKey(line: string | null | undefined, postalCode: string | null | undefined): string | null {
  if (!line) return null;
  const words = line
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w);
  if (words.length === 0) return null;
  return `${words.join(' ')}|${(postalCode ?? '').replace(/[^0-9]/g, '').slice(0, 5)}`;
}
