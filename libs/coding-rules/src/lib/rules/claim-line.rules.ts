import { claimLines } from './procedure-line.rules';
import type { EditRule } from './edit-context';

/**
 * CPT's own modifiers are two digits or a digit and a letter (25, 59, 1P);
 * HCPCS Level II modifiers are letters or a letter and a digit (LT, XE, E1).
 */
const CPT_MODIFIER = /^[0-9][0-9A-Z]$/;

/**
 * Modifiers must be on the modifier table of the release covering the date of
 * service: HCPCS Level II from the HCPCS file's modifier records, CPT from
 * the site's CPT import. A CPT-style modifier passes unchecked while no CPT
 * modifier list is imported (no false error on 25 or 59).
 */
export const modifierRule: EditRule = (context) => {
  const dos = context.input.encounter.dateOfService;
  for (const { line, input } of claimLines(context)) {
    for (const raw of input.modifiers ?? []) {
      const modifier = raw.trim().toUpperCase();
      const table = context.data.modifiers.get(CPT_MODIFIER.test(modifier) ? 'CPT' : 'HCPCS');
      if (!table) continue;
      const known = table.known.get(modifier);
      if (known && (known.terminatedOn === null || dos <= known.terminatedOn)) continue;
      const codes = [`${line.display}-${modifier}`];
      context.report({
        ruleId: 'INVALID_MODIFIER',
        severity: 'ERROR',
        message: known
          ? `Modifier ${modifier} on ${line.display} was terminated on ${known.terminatedOn}.`
          : `${modifier} on ${line.display} is not a valid modifier.`,
        codes,
        source: table.source,
        basis: 'CMS',
        evidence: known
          ? `${table.source.name} ${table.source.release} modifier ${modifier}: TERM DT ${known.terminatedOn}`
          : `${table.source.name} ${table.source.release} has no modifier ${modifier}`,
      });
    }
  }
};

/**
 * NCCI add-on codes: a type 1 add-on is paid only with one of its listed
 * primary codes; types 2 and 3 need some primary procedure on the claim.
 */
export const addOnPrimaryRule: EditRule = (context) => {
  const source = context.data.addOnSource;
  if (!source) return;
  const lines = claimLines(context);
  const onClaim = new Set(lines.map((l) => l.line.code));
  for (const { line } of lines) {
    const edits = context.data.addOns.get(line.code);
    if (!edits || edits.length === 0) continue;
    const primaries = edits.filter((e) => e.editType === 1 && e.primary !== null).map((e) => e.primary as string);
    if (primaries.length > 0) {
      if (primaries.some((p) => onClaim.has(p))) continue;
      const shown = primaries.slice(0, 6).join(', ') + (primaries.length > 6 ? ', …' : '');
      context.report({
        ruleId: 'ADDON_WITHOUT_PRIMARY',
        severity: 'ERROR',
        message: `${line.display} is an add-on code: report it with its primary procedure (${shown}).`,
        codes: [line.display],
        source,
        basis: 'CMS',
        evidence: `${source.name} ${source.release}: add-on ${line.code}, type 1, primary codes ${shown}`,
      });
    } else if (lines.length === 1) {
      const type = edits[0].editType;
      context.report({
        ruleId: 'ADDON_WITHOUT_PRIMARY',
        severity: 'WARNING',
        message: `${line.display} is an add-on code and is rarely paid without a primary procedure on the claim.`,
        codes: [line.display],
        source,
        basis: 'CMS',
        evidence: `${source.name} ${source.release}: add-on ${line.code}, type ${type} (no listed primary codes)`,
      });
    }
  }
};
