import type { SearchVocabularyKind } from '@chartdesk/contracts';

/** One enabled vocabulary row, as search uses it (normalized term and expansion). */
export interface VocabularyEntry {
  readonly kind: SearchVocabularyKind;
  readonly term: string;
  readonly expansion: string;
}

export interface PhraseMatch {
  /** How many typed words the term spans. */
  readonly length: number;
  readonly entries: readonly VocabularyEntry[];
}

/** Longest vocabulary term, in words. */
const MAX_TERM_WORDS = 4;
/** A built word has at most this many combining forms before its suffix (esophago-gastro-duodeno-scopy). */
const MAX_FORMS = 3;
/** The vowel that joins a combining form to the next part (nephr-o-stomy, crani-o-tomy). */
const LINKING_VOWELS = ['', 'o', 'i', 'a'];

/**
 * The vocabulary in memory, indexed for the query builder: phrases by their
 * words, combining forms longest first, suffixes by their text.
 */
export class SearchVocabulary {
  private readonly phrases = new Map<string, VocabularyEntry[]>();
  private readonly forms = new Map<string, VocabularyEntry[]>();
  private readonly suffixes = new Map<string, VocabularyEntry[]>();

  /** @param signature identifies the content, so a reload can tell whether anything changed */
  constructor(
    entries: readonly VocabularyEntry[],
    readonly signature = '',
  ) {
    for (const entry of entries) {
      const target =
        entry.kind === 'COMBINING_FORM' ? this.forms : entry.kind === 'SUFFIX' ? this.suffixes : this.phrases;
      const list = target.get(entry.term) ?? [];
      list.push(entry);
      target.set(entry.term, list);
    }
  }

  static readonly EMPTY = new SearchVocabulary([]);

  get size(): number {
    let n = 0;
    for (const map of [this.phrases, this.forms, this.suffixes]) for (const list of map.values()) n += list.length;
    return n;
  }

  /** The longest term starting at `start` (each word tried in its lookup forms). */
  phraseAt(words: readonly (readonly string[])[], start: number): PhraseMatch | undefined {
    for (let length = Math.min(MAX_TERM_WORDS, words.length - start); length >= 1; length--) {
      for (const key of keys(words.slice(start, start + length))) {
        const entries = this.phrases.get(key);
        if (entries) return { length, entries };
      }
    }
    return undefined;
  }

  isTerm(word: string): boolean {
    return this.phrases.has(word);
  }

  /** The form itself typed alone ("cholecyst"), as the body part it names. */
  formMeaning(word: string): readonly VocabularyEntry[] {
    return this.forms.get(word) ?? [];
  }

  /**
   * Reads a built word as combining forms plus an operation suffix:
   * "cholecystectomy" → [[gallbladder], [resection, excision]]. Returns the
   * meanings of each part (every part must be known), or undefined.
   */
  buildWord(word: string): VocabularyEntry[][] | undefined {
    return this.split(word, 0);
  }

  private split(rest: string, formsSoFar: number): VocabularyEntry[][] | undefined {
    if (formsSoFar > 0) {
      for (const vowel of LINKING_VOWELS) {
        if (!rest.startsWith(vowel)) continue;
        const suffix = this.suffixes.get(rest.slice(vowel.length));
        if (suffix) return [suffix];
      }
    }
    if (formsSoFar >= MAX_FORMS) return undefined;
    // longest form first: "cholecyst" before "cyst"
    for (let end = Math.min(rest.length - 3, 14); end >= 2; end--) {
      const form = this.forms.get(rest.slice(0, end));
      if (!form) continue;
      const tail = this.split(rest.slice(end), formsSoFar + 1);
      if (tail) return [form, ...tail];
      for (const vowel of LINKING_VOWELS.slice(1)) {
        if (!rest.startsWith(vowel, end) || formsSoFar + 1 >= MAX_FORMS) continue;
        const linked = this.split(rest.slice(end + vowel.length), formsSoFar + 1);
        if (linked && linked.length > 1) return [form, ...linked];
      }
    }
    return undefined;
  }
}

/** Every key a run of typed words can be looked up under (each word in each lookup form). */
function keys(run: readonly (readonly string[])[]): string[] {
  let out = [''];
  for (const forms of run) {
    const next: string[] = [];
    for (const prefix of out) for (const form of forms) next.push(prefix ? `${prefix} ${form}` : form);
    out = next.slice(0, 16);
  }
  return out;
}
