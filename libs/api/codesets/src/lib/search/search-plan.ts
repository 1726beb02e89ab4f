import { normalizeCode } from '@chartdesk/coding-rules';
import type { SearchVocabulary, VocabularyEntry } from './search-vocabulary';
import { FILLER_WORDS, type TypedChunk, chunksOf, lookupForms } from './search-text';

/** What the typed text asks for: a code prefix, words, or a code prefix narrowed by words. */
export interface SearchPlan {
  /** Normalized code or code prefix (no dot), when the first chunk looks like a code. */
  readonly code: string | undefined;
  /** Full-text query for the `chartdesk_clinical` configuration, when there are words. */
  readonly words: string | undefined;
  /** The same query with whole words only: a title matching it ranks above one matching word beginnings. */
  readonly wholeWords: string | undefined;
  /** LIKE patterns for the first word of a title that starts with one of the things typed. */
  readonly leads: readonly string[];
  /** When the code finds nothing, the whole text as words ("b12" is a vitamin, not a code). */
  readonly wordsIfNoCode:
    | { readonly words: string | undefined; readonly wholeWords: string | undefined; readonly leads: readonly string[] }
    | undefined;
}

type QueryNode =
  | { readonly op: 'word'; readonly word: string; readonly prefix: boolean }
  | { readonly op: '&' | '|'; readonly nodes: readonly QueryNode[] };

/** A cap on query size: each lexeme is an index lookup. */
const MAX_LEXEMES = 64;
/** Leading letters of a word that stand for its forms in the title-start bonus ("diabet" for diabetic/diabetes). */
const LEAD_LETTERS = 6;

function word(w: string, prefix = true): QueryNode {
  // digits match exactly: "2" must not find "20" and "21"
  return { op: 'word', word: w, prefix: prefix && !/^\d+$/.test(w) };
}

function combine(op: '&' | '|', nodes: QueryNode[]): QueryNode | undefined {
  // the same alternative twice ("heart" typed and "heart" from heart → cardiac | heart) is one
  const seen = new Set<string>();
  const kept = nodes.filter((n) => {
    const key = render(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (kept.length === 0) return undefined;
  return kept.length === 1 ? kept[0] : { op, nodes: kept };
}

/** The words of a phrase ("calculus of kidney") as one AND node, filler dropped. */
function phraseNode(phrase: string, prefix = true): QueryNode | undefined {
  const words = phrase.split(' ').filter((w) => w.length > 0 && !FILLER_WORDS.has(w) && (w.length > 1 || /\d/.test(w)));
  return combine(
    '&',
    words.map((w) => word(w, prefix)),
  );
}

function expansions(entries: readonly VocabularyEntry[]): QueryNode[] {
  return entries.map((e) => phraseNode(e.expansion)).filter((n): n is QueryNode => n !== undefined);
}

function render(node: QueryNode, prefixes = true): string {
  if (node.op === 'word') return node.prefix && prefixes ? `${node.word}:*` : node.word;
  return `(${node.nodes.map((n) => render(n, prefixes)).join(` ${node.op} `)})`;
}

function lexemes(node: QueryNode): number {
  return node.op === 'word' ? 1 : node.nodes.reduce((n, c) => n + lexemes(c), 0);
}

function firstWords(node: QueryNode): string[] {
  if (node.op === 'word') return [node.word];
  if (node.op === '&') return firstWords(node.nodes[0]);
  return node.nodes.flatMap(firstWords);
}

/** One typed word, no vocabulary phrase: itself as a prefix, plus what word-building reads in it. */
function wordGroup(w: string, vocabulary: SearchVocabulary): QueryNode | undefined {
  if (FILLER_WORDS.has(w) || (w.length < 2 && !/\d/.test(w))) return undefined;
  const alternatives: QueryNode[] = [word(w)];
  alternatives.push(...expansions(vocabulary.formMeaning(w)));
  const built = w.length >= 7 ? vocabulary.buildWord(w) : undefined;
  if (built) {
    const parts = built.map((meanings) => combine('|', expansions(meanings)));
    if (parts.every(Boolean)) alternatives.push(combine('&', parts as QueryNode[]) as QueryNode);
  }
  return combine('|', alternatives);
}

/** A vocabulary phrase spanning typed words: the words as typed, or any of its expansions. */
function phraseGroup(typed: readonly string[], entries: readonly VocabularyEntry[]): QueryNode | undefined {
  // an abbreviation matches only as a whole word: "cad" must not find "cadaver"
  const abbreviation = entries.every((e) => e.kind === 'ABBREVIATION');
  const literal = phraseNode(typed.join(' '), !abbreviation);
  return combine('|', [...(literal ? [literal] : []), ...expansions(entries)]);
}

function hyphenGroup(chunk: TypedChunk, vocabulary: SearchVocabulary): QueryNode | undefined {
  const known = vocabulary.phraseAt([lookupForms(chunk.joined)], 0);
  const parts = combine(
    '&',
    chunk.parts.map((p) => word(p)),
  );
  return combine('|', [word(chunk.joined), ...(parts ? [parts] : []), ...(known ? expansions(known.entries) : [])]);
}

function wordsQuery(chunks: readonly TypedChunk[], vocabulary: SearchVocabulary): QueryNode[] {
  const groups: QueryNode[] = [];
  const flat = chunks.flatMap((c) => c.parts.map((p) => ({ word: p, chunk: c })));
  for (let i = 0; i < flat.length; ) {
    const match = vocabulary.phraseAt(
      flat.map((f) => lookupForms(f.word)),
      i,
    );
    const { chunk } = flat[i];
    const startsHyphenated = chunk.parts.length > 1 && chunk.parts[0] === flat[i].word && flat[i - 1]?.chunk !== chunk;
    if (match && !(startsHyphenated && match.length < chunk.parts.length)) {
      const group = phraseGroup(
        flat.slice(i, i + match.length).map((f) => f.word),
        match.entries,
      );
      if (group) groups.push(group);
      i += match.length;
    } else if (startsHyphenated) {
      const group = hyphenGroup(chunk, vocabulary);
      if (group) groups.push(group);
      i += chunk.parts.length;
    } else {
      const group = wordGroup(flat[i].word, vocabulary);
      if (group) groups.push(group);
      i += 1;
    }
  }
  return groups;
}

function finish(groups: QueryNode[]): { words: string | undefined; wholeWords: string | undefined; leads: string[] } {
  const kept: QueryNode[] = [];
  let size = 0;
  for (const g of groups) {
    size += lexemes(g);
    if (size > MAX_LEXEMES) break;
    kept.push(g);
  }
  const query = combine('&', kept);
  const leads = [...new Set(kept.flatMap(firstWords).map((w) => `${w.slice(0, LEAD_LETTERS)}%`))].slice(0, 16);
  return { words: query ? render(query) : undefined, wholeWords: query ? render(query, false) : undefined, leads };
}

/**
 * Plans a search: a first chunk with a digit or a dot that reads as a code
 * is a code prefix (unless the vocabulary knows it as a word: "dm2", "b12");
 * everything else becomes words, each group an OR of the typed form and what
 * the vocabulary reads in it, the groups ANDed.
 */
export function planSearch(text: string, vocabulary: SearchVocabulary): SearchPlan {
  const trimmed = text.trim();
  const firstRaw = trimmed.split(/\s+/)[0] ?? '';
  const chunks = chunksOf(trimmed);
  const code = /[0-9.]/.test(firstRaw) ? normalizeCode(firstRaw) : undefined;
  if (code && !vocabulary.isTerm(code.toLowerCase())) {
    const rest = chunksOf(trimmed.slice(firstRaw.length));
    const narrowing = finish(wordsQuery(rest, vocabulary));
    const asWords = /^[a-z0-9]+$/i.test(firstRaw) ? finish(wordsQuery(chunks, vocabulary)) : undefined;
    return { code, ...narrowing, wordsIfNoCode: asWords };
  }
  return { code: undefined, ...finish(wordsQuery(chunks, vocabulary)), wordsIfNoCode: undefined };
}
