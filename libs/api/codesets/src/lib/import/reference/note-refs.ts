/**
 * The codes an instructional note points to, read from the parentheses CMS
 * writes them in: "(Z16.-)", "(A00-A09)", "(E08.42, E09.42)". Only
 * parenthesised text is read, so words like "vitamin B12" are never taken
 * for codes.
 */

const CODE = String.raw`[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?`;
/** A trailing "-" or ".-" means "more characters follow"; it is not a range when a code comes after it. */
const MORE = String.raw`(?:\.?-(?![A-Z]\d))?`;
const REF = new RegExp(String.raw`\b(${CODE})${MORE}(?:\s*-\s*(${CODE})${MORE})?`, 'g');
const PARENS = /\(([^()]*)\)/g;

/** Tentative range members start with this until the import keeps those that exist (see finishTabular). */
export const CANDIDATE_MARK = '~';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function bare(code: string): string {
  return code.replace('.', '');
}

/** Every 3-character category from `first` to `last` in code order (digits before letters, like COLLATE "C"). */
function categoriesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let letter = first.charCodeAt(0); letter <= last.charCodeAt(0); letter++) {
    for (const second of '0123456789') {
      for (const third of ALNUM) {
        const category = String.fromCharCode(letter) + second + third;
        if (category > first && category < last) out.push(category);
      }
    }
  }
  return out;
}

/** "S72.0-S72.9": codes of one length that differ only in the last character. */
function siblingsBetween(first: string, last: string): string[] {
  const stem = first.slice(0, -1);
  const from = ALNUM.indexOf(first.slice(-1));
  const to = ALNUM.indexOf(last.slice(-1));
  return ALNUM.slice(from + 1, to)
    .split('')
    .map((c) => stem + c);
}

function rangeMembers(first: string, last: string): string[] {
  if (first.length === 3 && last.length === 3) return categoriesBetween(first, last);
  if (first.length === last.length && first.slice(0, -1) === last.slice(0, -1)) return siblingsBetween(first, last);
  return [];
}

/**
 * Code prefixes (no dot, no dash) in the order the note names them; the
 * inner members of a range come marked with CANDIDATE_MARK, its ends unmarked.
 */
export function noteRefs(text: string): string[] {
  const refs: string[] = [];
  const seen = new Set<string>();
  const add = (code: string) => {
    const key = code.startsWith(CANDIDATE_MARK) ? code.slice(1) : code;
    if (seen.has(key)) return;
    seen.add(key);
    refs.push(code);
  };
  for (const group of text.matchAll(PARENS)) {
    for (const match of group[1].matchAll(REF)) {
      const first = bare(match[1]);
      const last = match[2] ? bare(match[2]) : undefined;
      add(first);
      if (last && last > first) {
        rangeMembers(first, last).forEach((member) => add(CANDIDATE_MARK + member));
        add(last);
      }
    }
  }
  return refs;
}
