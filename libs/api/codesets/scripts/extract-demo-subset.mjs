// Rebuilds the demo code subset in ../data from the CMS files (public domain).
// Usage: node libs/api/codesets/scripts/extract-demo-subset.mjs [/path/to/shared/data/cms]
// The lists below are the codes the synthetic charts and the edit demos need, plus common ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const here = dirname(fileURLToPath(import.meta.url));
const cmsDir = process.argv[2] ?? join(here, '../../../../../shared/data/cms');
const outDir = join(here, '../data');

const CM_PREFIXES = [
  // infections, sepsis
  'A41',
  'A419',
  'R652',
  'B952',
  'B9620',
  'U071',
  'A084',
  'J09',
  'J101',
  'J111',
  'B20',
  'Z21',
  // respiratory
  'J18',
  'J44',
  'J439',
  'J4520',
  'J4530',
  'J4540',
  'J4550',
  'J45909',
  'J45901',
  'J9600',
  'J9601',
  'J9690',
  'J069',
  'J029',
  'J189',
  'J690',
  'J90',
  // circulatory
  'I50',
  'I10',
  'I11',
  'I12',
  'I13',
  'I2510',
  'I214',
  'I2109',
  'I2119',
  'I480',
  'I4891',
  'I639',
  'I2699',
  'I951',
  // renal / genitourinary
  'N17',
  'N18',
  'N390',
  'N400',
  'N401',
  'N10',
  'N12',
  'N200',
  'N811',
  'N952',
  // endocrine
  'E11',
  'E109',
  'E1010',
  'E1065',
  'E039',
  'E785',
  'E6601',
  'E669',
  'E871',
  'E8770',
  'E860',
  'E872',
  'E876',
  'E43',
  'E440',
  'D649',
  'D62',
  'D696',
  // nervous / mental
  'G63',
  'G40909',
  'G4733',
  'G20',
  'G309',
  'F0390',
  'F329',
  'F32A',
  'F411',
  'F17210',
  'F1010',
  'F1020',
  'F1120',
  // digestive
  'K35',
  'K80',
  'K81',
  'K219',
  'K5730',
  'K5732',
  'K922',
  'K7030',
  'K8590',
  'K56609',
  'K5900',
  // symptoms
  'R07',
  'R1010',
  'R1030',
  'R1031',
  'R1084',
  'R109',
  'R0602',
  'R0600',
  'R509',
  'R55',
  'R42',
  'R112',
  'R531',
  'R4182',
  'R7303',
  'R7309',
  // musculoskeletal / injury
  'M545',
  'M1711',
  'M1712',
  'M170',
  'M810',
  'S7200',
  'S7201',
  'S7211',
  'S72001',
  'S52501',
  'S52502',
  'S52521',
  'S060X0',
  'S060X1',
  'S0101',
  'S0181',
  'S8251',
  'S8261',
  'S93401',
  'S93402',
  'T7840',
  'L0311',
  'L0390',
  'L89152',
  'W19',
  'W010',
  'W1830',
  'V4350',
  'Y92009',
  'Y92230',
  'Y93A1',
  'Y99',
  // pregnancy, newborn
  'O80',
  'O244',
  'O13',
  'O14',
  'O479',
  'O4202',
  'O700',
  'O701',
  'O99011',
  'O9921',
  'O3421',
  'O6014',
  'O0990',
  'Z3A39',
  'Z3A40',
  'Z37',
  'Z38',
  'P07',
  'P22',
  'P59',
  'P929',
  'P369',
  'P0300',
  'Z051',
  'Z0000',
  'Z0001',
  'Z00129',
  'Z00121',
  // status and encounter Z codes
  'Z794',
  'Z7901',
  'Z7902',
  'Z7984',
  'Z87891',
  'Z9981',
  'Z951',
  'Z955',
  'Z6841',
  'Z6830',
  'Z23',
  'Z5111',
  'Z515',
  'Z66',
  'Z8673',
  'Z8546',
  'Z1211',
  'Z1231',
  'Z992',
  'Z9911',
  'Z720',
  // oncology (sex-specific examples)
  'C61',
  'C50911',
  'C50912',
  'C50919',
  'C3490',
  'C182',
  'D0511',
];

const PCS_PREFIXES = [
  '0DTJ', // appendectomy (resection of appendix)
  '0FT4', // cholecystectomy
  '4A023N', // cardiac catheterization sampling/pressure
  'B211',
  'B214', // coronary angiography (fluoroscopy)
  '0BH17EZ',
  '0BH18EZ', // endotracheal airway insertion
  '5A1935Z',
  '5A1945Z',
  '5A1955Z', // mechanical ventilation
  '5A1D70Z',
  '5A1D90Z', // hemodialysis
  '10E0XZZ',
  '10D00Z0',
  '10D00Z1',
  '10D00Z2',
  '0W8NXZZ', // delivery, cesarean, episiotomy
  '02703',
  '02713',
  '0270', // coronary dilation
  '0SR9',
  '0SRB', // hip replacement
  '0QS6',
  '0QS7',
  '0QS8',
  '0QS9', // femur reposition
  '0DJ08ZZ',
  '0DJD8ZZ',
  '0DB98ZX',
  '0DBN8ZX', // endoscopy inspections / biopsies
  '02HV33Z',
  '05HY33Z',
  '06H033Z', // central venous lines
  '009U3ZX',
  '009U30Z', // lumbar puncture
  '0VTTXZZ', // circumcision
  '3E0134Z',
  '3E0234Z',
  '30233N1',
  '30243N1',
  '30233P1', // vaccination, transfusion
  '0JH63',
  '0T9B70Z',
  '0TBB8ZX', // misc
];

const HCPCS_CODES = [
  'J1100',
  'J0696',
  'J1885',
  'J2405',
  'J3490',
  'J7030',
  'J7040',
  'J7050',
  'J2270',
  'J1170',
  'J2550',
  'J3420',
  'J1642',
  'J1644',
  'J0131',
  'J0171',
  'J1030',
  'J1040',
  'J1200',
  'J2001',
  'J2250',
  'J3010',
  'J0690',
  'J0295',
  'J2543',
  'J1815',
  'J1950',
  'J9045',
  'J9267',
  'J1815',
  'G0008',
  'G0009',
  'G0010',
  'G0378',
  'G0379',
  'G0402',
  'G0438',
  'G0439',
  'G0444',
  'G2211',
  'G0463',
  'G0283',
  'G0121',
  'G0105',
  'G0101',
  'A0427',
  'A0429',
  'A0425',
  'A4550',
  'A6216',
  'E0114',
  'E0143',
  'E1390',
  'L3908',
  'Q4051',
  'Q0091',
  'T1015',
  'A4466', // terminated (TERM DT 20161231) but still in the file: the edit for codes terminated before the date of service
  // modifier records (RECID 7/8), for the modifier edit
  'LT',
  'RT',
  'XE',
  'XS',
  'XP',
  'XU',
  'GA',
  'GY',
  'GZ',
  'TC',
  'QW',
  'KX',
  'JW',
  'JZ',
  'E1',
  'F1',
  'TA',
];

function unzipText(zipFile, name) {
  const files = unzipSync(readFileSync(join(cmsDir, zipFile)), { filter: (f) => f.name === name });
  return new TextDecoder('latin1').decode(files[name]);
}

function subsetOrderFile(text, prefixes) {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 14);
  const wanted = new Set();
  const codes = lines.map((l) => l.slice(6, 13).trim());
  codes.forEach((code, i) => {
    if (prefixes.some((p) => code.startsWith(p))) {
      wanted.add(i);
      // keep the headers above a code, so the subset reads like the tabular list
      codes.forEach((other, j) => {
        if (other.length >= 3 && other.length < code.length && code.startsWith(other)) wanted.add(j);
      });
    }
  });
  return [...wanted].sort((a, b) => a - b).map((i) => lines[i]);
}

const cm = subsetOrderFile(unzipText('cms_2026_dx.zip', 'icd10cm_order_2026.txt'), CM_PREFIXES);
writeFileSync(join(outDir, 'icd10cm_order_2026_demo.txt'), cm.join('\r\n') + '\r\n');
const pcs = subsetOrderFile(unzipText('cms_2026_pr.zip', 'icd10pcs_order_2026.txt'), PCS_PREFIXES);
writeFileSync(join(outDir, 'icd10pcs_order_2026_demo.txt'), pcs.join('\r\n') + '\r\n');
console.log(`ICD-10-CM ${cm.length} rows, ICD-10-PCS ${pcs.length} rows`);

// HCPCS: same column names as the CMS alpha-numeric file, as CSV (the importer reads both).
const ExcelJS = (await import('exceljs')).default;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(join(cmsDir, 'HCPC2025_OCT_ANWEB.xlsx'), {
  sharedStrings: 'cache',
  worksheets: 'emit',
});
const wantedHcpcs = new Set(HCPCS_CODES);
const columns = ['HCPC', 'RECID', 'LONG DESCRIPTION', 'SHORT DESCRIPTION', 'ADD DT', 'ACT EFF DT', 'TERM DT'];
const out = [columns.join(',')];
let header;
for await (const sheet of reader) {
  for await (const row of sheet) {
    const values = Array.from(row.values, (v) => (v == null ? '' : String(v)));
    if (!header) {
      header = values;
      continue;
    }
    const code = values[header.indexOf('HCPC')].trim(); // modifiers are padded with spaces
    if (!wantedHcpcs.has(code)) continue;
    out.push(columns.map((c) => `"${(values[header.indexOf(c)] ?? '').trim().replace(/"/g, '""')}"`).join(','));
  }
}
writeFileSync(join(outDir, 'hcpcs_2025q4_demo.csv'), out.join('\n') + '\n');
console.log(`HCPCS ${out.length - 1} rows`);
