import type { EditListName } from '@chartdesk/contracts';
import type { ListRow } from './edit-publication.readers';
import type { CodeRow } from './import-types';

/**
 * Edit lists derived from an ICD-10-CM order file where the CMS tables are not
 * imported: each entry cites the Official Guidelines section or the order
 * file's own wording. Entries whose basis is HEURISTIC only ever warn; the
 * MCE table and the CMS POA exempt list replace these lists when imported.
 */

/** Tabular blocks whose titles name one sex's organs (the order file lists categories, not blocks). */
const SEX_BLOCKS: readonly { from: string; to: string; sex: 'male' | 'female'; title: string }[] = [
  { from: 'C51', to: 'C58', sex: 'female', title: 'Malignant neoplasms of female genital organs (C51-C58)' },
  { from: 'C60', to: 'C63', sex: 'male', title: 'Malignant neoplasms of male genital organs (C60-C63)' },
  { from: 'N40', to: 'N53', sex: 'male', title: 'Diseases of male genital organs (N40-N53)' },
  { from: 'N70', to: 'N77', sex: 'female', title: 'Inflammatory diseases of female pelvic organs (N70-N77)' },
  { from: 'N80', to: 'N98', sex: 'female', title: 'Noninflammatory disorders of female genital tract (N80-N98)' },
];

const MALE_WORDS =
  /\b(prostat\w*|testis|testes|testicular|scrot\w*|penis|penile|prepuce|seminal|epididym\w*|spermatic|vas deferens|male)\b/i;
const FEMALE_WORDS =
  /\b(uter\w*|ovar\w*|fallopian|cervix|vagin\w*|vulv\w*|endometri\w*|bartholin\w*|female|menstrua\w*|menopaus\w*|perimenopaus\w*|pregnan\w*|puerper\w*|oophor\w*|salping\w*)\b/i;
/** Titles about someone else's organs or conditions (family history, the mother of a newborn, intersex). */
const NOT_THE_PATIENT = /^(P|Z8[0-4]|Q56)/;

/** Chapter 15 and the pregnancy Z codes: maternal record only (Guidelines I.C.15.a.1). */
const MATERNITY = /^(O|Z3A|Z33|Z34|Z35|Z36|Z37|Z39)/;
/** Chapter 16 and Z38: the newborn record (Guidelines I.C.16.a). */
const NEWBORN = /^(P|Z38)/;

const MANIFESTATION = /\bin (?:[a-z]+ )?diseases? classified elsewhere\b/i;
const SUPPLEMENTARY = /\bas the cause of diseases classified elsewhere\b/i;

/**
 * ICD-10-CM Official Guidelines Appendix I, "Categories and codes exempt from
 * diagnosis present on admission requirement" (summary by category).
 */
const POA_EXEMPT_PREFIXES = (
  'B90 B91 B92 B94 E64 I252 I69 O09 O665 O80 O94 P00 Q ' +
  'V00 V01 V02 V03 V04 V05 V06 V09 V1 V2 V3 V4 V5 V6 V7 V8 V9 ' +
  'W09 W14 W15 W170 W171 W1801 W21 W30 W31 W32 W33 W34 W35 W36 W37 W38 W39 W40 W52 W56 W58 W61 W62 W89 ' +
  'X02 X03 X04 X52 X71 X72 X73 X74 X75 X76 X77 X81 X82 X83 Y03 Y07 Y088 Y21 Y22 Y23 Y24 Y30 Y32 Y36 Y37 Y92 Y93 Y99 ' +
  'Z00 Z01 Z02 Z03 Z08 Z09 Z11 Z12 Z13 Z14 Z15 Z17 Z18 Z19 Z22 Z23 Z28 Z30 Z31 Z32 Z33 Z34 Z36 Z37 Z38 Z39 Z3A ' +
  'Z40 Z41 Z42 Z43 Z44 Z45 Z46 Z47 Z49 Z51 Z52 Z53 Z55 Z56 Z57 Z58 Z59 Z60 Z62 Z63 Z64 Z65 Z66 Z67 Z68 Z71 Z72 ' +
  'Z7401 Z75 Z76 Z78 Z79 Z80 Z81 Z82 Z83 Z84 Z85 Z86 Z87 Z88 Z89 Z90 Z910 Z914 Z915 Z918 Z92 Z93 Z94 Z95 Z97 Z98 Z99'
).split(' ');

const inBlock = (code: string, from: string, to: string) => code.slice(0, 3) >= from && code.slice(0, 3) <= to;

/** Derives the default lists from the codes of one ICD-10-CM release (tabular order, headers included). */
export function deriveGuidelineDefaults(rows: readonly CodeRow[], releaseLabel: string): ListRow[] {
  const out = new Map<string, ListRow>();
  const titles = new Map(rows.map((r) => [r.code, r.longDescription]));
  /** Adds an entry unless a shorter prefix already says the same. */
  const add = (list: EditListName, code: string, value: string | null, basis: ListRow['basis'], evidence: string) => {
    for (let n = 1; n < code.length; n++) {
      const parent = out.get(`${list}|${code.slice(0, n)}`);
      if (parent && parent.value === value) return;
    }
    out.set(`${list}|${code}`, { list, system: 'ICD10CM', codePrefix: code, value, basis, evidence });
  };
  const cite = (code: string, what: string) =>
    `${releaseLabel} order file: ${code} "${titles.get(code) ?? ''}" (${what})`;

  for (const block of SEX_BLOCKS) {
    for (const row of rows) {
      if (row.code.length === 3 && inBlock(row.code, block.from, block.to)) {
        add(
          'SEX',
          row.code,
          block.sex,
          'HEURISTIC',
          `ICD-10-CM Tabular block "${block.title}": ${row.code} ${row.longDescription}`,
        );
      }
    }
  }
  for (const row of rows) {
    const { code, longDescription: title } = row;
    if (!NOT_THE_PATIENT.test(code) && !SEX_BLOCKS.some((b) => inBlock(code, b.from, b.to))) {
      const male = MALE_WORDS.test(title);
      const female = FEMALE_WORDS.test(title) || /^O/.test(code);
      if (male !== female) add('SEX', code, male ? 'male' : 'female', 'HEURISTIC', cite(code, 'title names one sex'));
    }
    if (MATERNITY.test(code) && code.length === 3) {
      add(
        'AGE',
        code,
        'MATERNITY',
        'HEURISTIC',
        cite(code, 'maternal record only, Guidelines I.C.15.a.1; MCE maternity age 9–64'),
      );
      if (/^Z3/.test(code))
        add('SEX', code, 'female', 'HEURISTIC', cite(code, 'maternal record only, Guidelines I.C.15'));
    } else if (NEWBORN.test(code) && code.length === 3) {
      add(
        'AGE',
        code,
        'NEWBORN',
        'HEURISTIC',
        cite(code, 'newborn record, Guidelines I.C.16.a; chapter 16 codes may continue through life (I.C.16.a.1)'),
      );
    } else if (!MATERNITY.test(code) && !NEWBORN.test(code)) {
      if (/\bnewborn\b/i.test(title)) add('AGE', code, 'NEWBORN', 'HEURISTIC', cite(code, 'title says newborn'));
      else if (/\badult\b/i.test(title) && !/\bchild\b|onset/i.test(title))
        add('AGE', code, 'ADULT', 'HEURISTIC', cite(code, 'title says adult'));
      else if (/\bchild\b/i.test(title) && !/\badult\b|parent/i.test(title))
        add('AGE', code, 'PEDIATRIC', 'HEURISTIC', cite(code, 'title says child'));
      else if (/\bsenile\b/i.test(title)) add('AGE', code, 'ADULT', 'HEURISTIC', cite(code, 'title says senile'));
    }
    if (MANIFESTATION.test(title)) {
      add(
        'MANIFESTATION',
        code,
        null,
        'GUIDELINE',
        `${cite(code, '"in diseases classified elsewhere"')}; Guidelines I.A.13: never principal or first-listed`,
      );
    }
    if (SUPPLEMENTARY.test(title)) {
      add(
        'UNACCEPTABLE_PRINCIPAL',
        code,
        null,
        'HEURISTIC',
        cite(code, 'an infectious agent for use as an additional code (Tabular B95-B97)'),
      );
    }
  }
  for (const code of ['Z3A', 'Z37']) {
    if (titles.has(code))
      add(
        'UNACCEPTABLE_PRINCIPAL',
        code,
        null,
        'HEURISTIC',
        cite(code, 'additional code on the maternal record (Guidelines I.C.15.b, I.C.21)'),
      );
  }
  for (const prefix of POA_EXEMPT_PREFIXES) {
    const known = titles.has(prefix) || rows.some((r) => r.code.startsWith(prefix));
    if (!known) continue;
    const shown = titles.get(prefix) ?? '';
    add(
      'POA_EXEMPT',
      prefix,
      null,
      'GUIDELINE',
      `ICD-10-CM Official Guidelines Appendix I (POA exempt): ${prefix}${shown ? ` ${shown}` : ''}`,
    );
  }
  return [...out.values()];
}

/** The lists the defaults speak for until a CMS release covers them. */
export const GUIDELINE_DEFAULT_LISTS: readonly EditListName[] = [
  'SEX',
  'AGE',
  'MANIFESTATION',
  'UNACCEPTABLE_PRINCIPAL',
  'POA_EXEMPT',
];
