import { runEdits } from '../edit-engine';
import { demoReferenceData, dx, inpatient, professional, px } from '../../testing/edit-fixtures';

const data = demoReferenceData();
const findingsOf = (ruleId: string, input: ReturnType<typeof inpatient>, reference = data) =>
  runEdits(input, reference).filter((f) => f.ruleId === ruleId);

describe('claim-level rules', () => {
  it('INVALID_MODIFIER fires for a modifier missing from, or terminated on, the HCPCS modifier table', () => {
    const claim = professional(
      [dx(1, 'R07.9')],
      [
        px(1, 'CPT', '93000', { modifiers: ['ZZ'] }),
        px(2, 'HCPCS', 'J1100', { modifiers: ['QQ'] }),
        px(3, 'CPT', '36415', { modifiers: ['LT', '59', '25'] }),
      ],
    );
    expect(findingsOf('INVALID_MODIFIER', claim).map((f) => [f.codes[0], f.severity, f.source.name])).toEqual([
      ['93000-ZZ', 'ERROR', 'HCPCS Level II'],
      ['J1100-QQ', 'ERROR', 'HCPCS Level II'],
    ]);
  });

  it('INVALID_MODIFIER does not fire without a modifier table, nor for CPT modifiers while no CPT list is imported', () => {
    const claim = professional([dx(1, 'R07.9')], [px(1, 'CPT', '93000', { modifiers: ['ZZ', '59'] })]);
    expect(findingsOf('INVALID_MODIFIER', claim, { ...data, modifierTables: [] })).toEqual([]);
  });

  it('ADDON_WITHOUT_PRIMARY fires for a type 1 add-on without its primary, and warns for a lone type 3', () => {
    expect(findingsOf('ADDON_WITHOUT_PRIMARY', professional([dx(1, 'R07.9')], [px(1, 'CPT', '99417')]))).toMatchObject([
      { severity: 'ERROR', codes: ['99417'], source: { name: 'NCCI add-on codes' } },
    ]);
    expect(
      findingsOf('ADDON_WITHOUT_PRIMARY', professional([dx(1, 'R07.9')], [px(1, 'HCPCS', 'J1100')])),
    ).toMatchObject([{ severity: 'WARNING' }]);
  });

  it('ADDON_WITHOUT_PRIMARY does not fire when a listed primary is on the claim', () => {
    const claim = professional([dx(1, 'R07.9')], [px(1, 'CPT', '99205'), px(2, 'CPT', '99417')]);
    expect(findingsOf('ADDON_WITHOUT_PRIMARY', claim)).toEqual([]);
  });

  it('NOT_VALID_ON_DATE fires for a HCPCS code terminated before the date of service', () => {
    const claim = professional([dx(1, 'R07.9')], [px(1, 'HCPCS', 'A4466')], { dateOfService: '2026-01-15' });
    expect(findingsOf('NOT_VALID_ON_DATE', claim)).toMatchObject([
      { severity: 'ERROR', codes: ['A4466'], evidence: expect.stringContaining('TERM DT 20161231') },
    ]);
    expect(findingsOf('NOT_VALID_ON_DATE', professional([dx(1, 'R07.9')], [px(1, 'HCPCS', 'J1100')]))).toEqual([]);
  });

  it('PRINCIPAL_MISSING fires for a claim without diagnoses, and not otherwise', () => {
    expect(findingsOf('PRINCIPAL_MISSING', inpatient([], [px(1, 'ICD10PCS', '5A1955Z')]))).toMatchObject([
      { severity: 'ERROR', message: expect.stringContaining('principal') },
    ]);
    expect(findingsOf('PRINCIPAL_MISSING', inpatient([dx(1, 'J18.9')]))).toEqual([]);
  });

  it('list entries are keyed by code system: an ICD-10-CM prefix never fires on a HCPCS code', () => {
    const keyed = {
      ...data,
      editLists: [
        {
          source: { name: 'MCE', release: 'v43' },
          basis: 'CMS' as const,
          lists: ['SEX' as const],
          entries: [
            {
              system: 'ICD10CM' as const,
              codePrefix: 'J11',
              list: 'SEX' as const,
              value: 'male',
              basis: 'CMS' as const,
              evidence: 'x',
            },
          ],
        },
      ],
    };
    const claim = professional([dx(1, 'R07.9')], [px(1, 'HCPCS', 'J1100')]);
    expect(findingsOf('SEX_CONFLICT', claim, keyed)).toEqual([]);
    expect(findingsOf('SEX_CONFLICT', professional([dx(1, 'J11.1')], []), keyed)).toHaveLength(1);
  });
});
