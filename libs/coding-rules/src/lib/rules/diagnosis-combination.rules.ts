import type { TabularPairFact } from '@chartdesk/contracts';
import { codePrefixes } from '../code-format';
import { CHARTDESK_RULES_SOURCE } from '../edit-data';
import type { CodedLine, EditContext, EditRule } from './edit-context';

type ReadLine = CodedLine & { readonly code: string };

/** The Tabular notes of one kind that apply to a code: its own and every parent's. */
function notesOf(context: EditContext, code: string, kind: TabularPairFact['kind']): TabularPairFact[] {
  const found: TabularPairFact[] = [];
  for (const prefix of codePrefixes(code))
    for (const pair of context.data.tabular.get(prefix) ?? []) if (pair.kind === kind) found.push(pair);
  return found;
}

function readLines(context: EditContext): ReadLine[] {
  return context.diagnoses.filter((l): l is ReadLine => l.code !== undefined);
}

/**
 * Excludes1: the two conditions cannot occur together. A warning, not an
 * error, because the guidelines allow both when the conditions are unrelated (I.A.12.a).
 */
export const excludes1Rule: EditRule = (context) => {
  const source = context.data.tabularSource;
  if (!source) return;
  const lines = readLines(context);
  const reported = new Set<string>();
  for (const line of lines) {
    for (const note of notesOf(context, line.code, 'EXCLUDES1')) {
      for (const other of lines) {
        if (other === line || !other.code.startsWith(note.otherPrefix)) continue;
        const pair = [line.display, other.display].sort().join('+');
        if (reported.has(pair)) continue;
        reported.add(pair);
        context.report({
          ruleId: 'EXCLUDES1_PAIR',
          severity: 'WARNING',
          message: `${line.display} and ${other.display} are an Excludes1 pair: report both only when the conditions are unrelated.`,
          codes: [line.display, other.display],
          source,
          basis: 'CMS',
          evidence: `Tabular ${note.codePrefix} Excludes1: ${note.note}`,
        });
      }
    }
  }
};

/** "Code first": the condition the note names goes before this code when both are reported (I.A.13). */
export const codeFirstSequenceRule: EditRule = (context) => {
  const source = context.data.tabularSource;
  if (!source) return;
  const lines = readLines(context);
  const sequence = (line: ReadLine) => context.input.diagnoses[line.index].sequence;
  for (const line of lines) {
    // one finding per code: the first condition its notes name that is sequenced after it
    for (const note of notesOf(context, line.code, 'CODE_FIRST')) {
      const first = lines.find((o) => o !== line && o.code.startsWith(note.otherPrefix));
      if (!first || sequence(first) < sequence(line)) continue;
      context.report({
        ruleId: 'CODE_FIRST_SEQUENCE',
        severity: 'WARNING',
        message: `${first.display} should be sequenced before ${line.display} (code first).`,
        codes: [line.display, first.display],
        source,
        basis: 'CMS',
        evidence: `Tabular ${note.codePrefix} Code first: ${note.note}`,
      });
      break;
    }
  }
};

/** The same diagnosis twice is an error; the same procedure line twice usually belongs in units. */
export const duplicateCodeRule: EditRule = (context) => {
  const seen = new Set<string>();
  for (const line of context.diagnoses) {
    if (!line.code) continue;
    if (seen.has(line.code)) {
      context.report({
        ruleId: 'DUPLICATE_CODE',
        severity: 'ERROR',
        message: `${line.display} is reported more than once.`,
        codes: [line.display],
        source: CHARTDESK_RULES_SOURCE,
        basis: 'GUIDELINE',
        evidence: 'ICD-10-CM Official Guidelines I.B.12: each code is reported once for an encounter (MCE edit 3)',
      });
    }
    seen.add(line.code);
  }
  const seenLines = new Set<string>();
  context.procedures.forEach((line, i) => {
    if (!line.code) return;
    const modifiers = [...(context.input.procedures[i].modifiers ?? [])].sort().join(',');
    const key = `${line.system}:${line.code}:${modifiers}`;
    if (seenLines.has(key)) {
      context.report({
        ruleId: 'DUPLICATE_CODE',
        severity: 'WARNING',
        message: `${line.display} appears on more than one line with the same modifiers: use units or a repeat-procedure modifier.`,
        codes: [line.display],
        source: CHARTDESK_RULES_SOURCE,
        basis: 'HEURISTIC',
        evidence: 'Same code and modifiers on two lines',
      });
    }
    seenLines.add(key);
  });
};
