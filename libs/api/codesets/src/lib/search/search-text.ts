/**
 * Typed text → words. Lower case, accents folded, apostrophes dropped
 * ("Crohn's" → "crohns"), every other mark a word break except the hyphen,
 * whose compounds are kept so "non-ST" can match both "non st" and "nonst".
 */
export interface TypedChunk {
  /** The words of the chunk (a hyphenated chunk has several). */
  readonly parts: readonly string[];
  /** The parts written together: "gastroesophageal" for "gastro-esophageal". */
  readonly joined: string;
}

/** Filler that narrows nothing; meaningful small words (with, without, no, not, other) are kept. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'by',
  'is',
  'are',
  'was',
  'were',
  'be',
  'as',
  'from',
  'into',
  'onto',
  'its',
  'it',
  'this',
  'that',
  'patient',
  'pt',
  'pts',
  'dx',
  'diagnosis',
  'code',
  'codes',
  'icd',
  'icd10',
  'cpt',
  'hcpcs',
  'pcs',
  'cm',
  's',
  'y',
  'o',
  'w',
  'hx',
  'h',
]);

/** Words kept from a chunk list, longest input first cut to keep queries small. */
export const MAX_CHUNKS = 10;

export function foldText(text: string): string {
  return (
    text
      .normalize('NFKD')
      // combining marks left by NFKD: "Sjögren" → "Sjogren"
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’`]/g, '')
  );
}

export function chunksOf(text: string): TypedChunk[] {
  const chunks: TypedChunk[] = [];
  for (const raw of foldText(text).split(/[^a-z0-9-]+/)) {
    const parts = raw.split('-').filter(Boolean);
    if (parts.length === 0) continue;
    chunks.push({ parts, joined: parts.join('') });
    if (chunks.length >= MAX_CHUNKS) break;
  }
  return chunks;
}

/** A vocabulary term or expansion in its stored form: words separated by one space. */
export function normalizePhrase(text: string): string {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(' ');
}

/** The forms a typed word is looked up under: itself and a naive singular. */
export function lookupForms(word: string): string[] {
  const forms = [word];
  if (word.length > 4 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  else if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) forms.push(word.slice(0, -2));
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('is'))
    forms.push(word.slice(0, -1));
  return forms;
}
