/**
 * Labels of PCS positions 1–3 as far as the order file's table headers tell
 * them, for when no PCS Tables release covers the date. A header's long
 * description names the table: "Central Nervous System and Cranial Nerves,
 * Bypass" (section 0 leaves out "Medical and Surgical"), "Imaging, Central
 * Nervous System, Plain Radiography", "Mental Health, Psychological Tests"
 * (no body system). The operation is always the last part; the section is the
 * first part only where every header of the section starts with it and the
 * header has a part left for the body system (or the body system is Z, none).
 */
export interface HeaderLabels {
  readonly section: ReadonlyMap<string, string>;
  readonly bodySystem: ReadonlyMap<string, string>;
  readonly operation: ReadonlyMap<string, string>;
}

export function deriveHeaderLabels(headers: readonly { code: string; title: string }[]): HeaderLabels {
  const section = new Map<string, string>();
  const bodySystem = new Map<string, string>();
  const operation = new Map<string, string>();
  const bySection = new Map<string, { code: string; parts: string[] }[]>();
  for (const { code, title } of headers) {
    if (code.length !== 3) continue;
    const parts = title.split(', ').map((p) => p.trim());
    const list = bySection.get(code[0]) ?? [];
    list.push({ code, parts });
    bySection.set(code[0], list);
  }
  for (const [s, tables] of bySection) {
    const first = tables[0].parts[0];
    const shared = tables.every((t) => t.parts[0] === first && (t.parts.length >= 3 || t.code[1] === 'Z'));
    if (shared) section.set(s, first);
    for (const { code, parts } of tables) {
      if (parts.length < 2) continue;
      operation.set(code, parts[parts.length - 1]);
      const middle = parts.slice(shared ? 1 : 0, -1).join(', ');
      if (middle) bodySystem.set(code.slice(0, 2), middle);
    }
  }
  return { section, bodySystem, operation };
}

/** Axis names where no PCS Tables release says: positions 1–2 are the same in every section, the rest only in section 0. */
const MEDICAL_SURGICAL_AXES = ['Section', 'Body System', 'Operation', 'Body Part', 'Approach', 'Device', 'Qualifier'];

export function defaultAxisTitle(section: string | undefined, position: number): string {
  if (position <= 2 || section === '0') return MEDICAL_SURGICAL_AXES[position - 1];
  return `Character ${position}`;
}
