import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeSearchHit } from '@chartdesk/contracts';

/** One phrase of the phrase set: what a coder types and the codes a coder would accept. */
export interface SearchPhrase {
  readonly phrase: string;
  readonly acceptable: readonly string[];
  readonly kind: string;
}

export const PHRASE_FILE = join(__dirname, 'search-phrases.tsv');
/** Acceptable code within this many results counts as a hit. */
export const TOP_N = 5;

export function loadSearchPhrases(): SearchPhrase[] {
  return readFileSync(PHRASE_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#') && !line.startsWith('phrase\t'))
    .map((line) => {
      const [phrase, acceptable, kind] = line.split('\t');
      return { phrase, acceptable: acceptable.split(',').filter(Boolean), kind: kind ?? '' };
    });
}

export interface PhraseOutcome {
  readonly phrase: SearchPhrase;
  readonly hit: boolean;
  readonly shown: readonly string[];
}

export function judge(phrase: SearchPhrase, results: readonly CodeSearchHit[]): PhraseOutcome {
  const shown = results.slice(0, TOP_N).map((r) => r.code);
  return { phrase, hit: shown.some((c) => phrase.acceptable.includes(c)), shown };
}

/** Hit rate and a readable list of misses with what was shown instead. */
export function summarize(outcomes: readonly PhraseOutcome[]): { hitRate: number; report: string } {
  const misses = outcomes.filter((o) => !o.hit);
  const hitRate = Math.round(((outcomes.length - misses.length) / outcomes.length) * 1000) / 10;
  const lines = misses.map(
    (m) =>
      `  MISS ${m.phrase.kind.padEnd(12)} "${m.phrase.phrase}" want ${m.phrase.acceptable.slice(0, 4).join('|')} got ${m.shown.join(' ') || '(nothing)'}`,
  );
  return {
    hitRate,
    report: `phrase set: ${outcomes.length - misses.length}/${outcomes.length} (${hitRate} %) with an acceptable code in the top ${TOP_N}\n${lines.join('\n')}`,
  };
}
