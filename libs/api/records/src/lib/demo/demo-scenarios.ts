import type { DemoScenario } from './demo-answer-key';

/**
 * Synthetic charts whose notes support specific codes. Every sentence is
 * invented; the answer key beside each is what the documentation supports.
 */
export const DEMO_SCENARIOS: readonly DemoScenario[] = [
  {
    key: 'inpatient-pneumonia',
    type: 'INPATIENT',
    days: 3,
    ageRange: [58, 84],
    dischargeDisposition: 'Home',
    documents: [
      {
        type: 'HISTORY_AND_PHYSICAL',
        title: 'History and physical',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}-year-old ${c.sex}, presents with three days of productive cough, fever to 39.1 C and ` +
          `shortness of breath. Past history: essential hypertension on lisinopril, type 2 diabetes mellitus without ` +
          `complications on metformin. Former smoker, quit 10 years ago.\nExam: crackles right lower lobe. SpO2 91% on room air.\n` +
          `Assessment: community-acquired pneumonia, right lower lobe, organism not identified. Hypertension. Type 2 diabetes.\n` +
          `Plan: admit, ceftriaxone and azithromycin, blood cultures, continue home medicines.`,
      },
      {
        type: 'RADIOLOGY',
        title: 'Chest x-ray, two views',
        author: 'consultant',
        dayOffset: 0,
        text: () =>
          'PA and lateral chest: right lower lobe consolidation. No effusion. Impression: right lower lobe pneumonia.',
      },
      {
        type: 'PROGRESS_NOTE',
        title: 'Hospital day 2',
        author: 'attending',
        dayOffset: 1,
        text: (c) =>
          `Afebrile overnight. Blood cultures no growth at 24 hours; sputum culture normal flora. ${c.pronoun} is ` +
          `tolerating diet. Glucose 140-180 on home regimen. Pneumonia improving on antibiotics.`,
      },
      {
        type: 'DISCHARGE_SUMMARY',
        title: 'Discharge summary',
        author: 'attending',
        dayOffset: 3,
        text: (c) =>
          `Admitted ${c.day(0)}, discharged ${c.day(3)}.\nPrincipal diagnosis: community-acquired pneumonia, organism ` +
          `unspecified, present on admission.\nSecondary: essential hypertension; type 2 diabetes mellitus without ` +
          `complications; personal history of nicotine dependence.\nDischarged home on oral cefuroxime to complete 7 days. ` +
          `Follow up with primary care in one week.`,
      },
    ],
    lists: [
      { kind: 'PROBLEM', text: 'Community-acquired pneumonia' },
      { kind: 'PROBLEM', text: 'Essential hypertension' },
      { kind: 'PROBLEM', text: 'Type 2 diabetes mellitus' },
      { kind: 'MEDICATION', text: 'Ceftriaxone', detail: '1 g IV every 24 hours' },
      { kind: 'MEDICATION', text: 'Lisinopril', detail: '20 mg by mouth daily' },
      { kind: 'MEDICATION', text: 'Metformin', detail: '1000 mg by mouth twice daily' },
      { kind: 'ALLERGY', text: 'No known drug allergies' },
      { kind: 'FOLLOW_UP', text: 'Primary care visit in 7 days' },
    ],
    answer: {
      icd10cm: [
        { code: 'J189', principal: true, poa: 'Y' },
        { code: 'I10', poa: 'Y' },
        { code: 'E119', poa: 'Y' },
        { code: 'Z87891' },
      ],
      icd10pcs: [],
      procedures: [],
      hcpcs: [],
    },
  },
  {
    key: 'inpatient-appendicitis',
    type: 'INPATIENT',
    days: 2,
    ageRange: [18, 45],
    dischargeDisposition: 'Home',
    documents: [
      {
        type: 'HISTORY_AND_PHYSICAL',
        title: 'Surgical admission H&P',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}, with 18 hours of periumbilical pain migrating to the right lower quadrant, nausea and ` +
          `anorexia. Tender at McBurney point with guarding. WBC 14.2. CT: dilated appendix, no perforation or abscess.\n` +
          `Assessment: acute appendicitis. Plan: laparoscopic appendectomy today.`,
      },
      {
        type: 'OPERATIVE_REPORT',
        title: 'Operative report',
        author: 'attending',
        dayOffset: 0,
        text: () =>
          'Procedure: laparoscopic appendectomy. Three ports placed. The appendix was inflamed without perforation. ' +
          'Mesoappendix divided, base stapled and the appendix removed in a retrieval bag. Estimated blood loss 10 mL.',
      },
      {
        type: 'PATHOLOGY',
        title: 'Surgical pathology',
        author: 'consultant',
        dayOffset: 1,
        text: () => 'Appendix, appendectomy: acute suppurative appendicitis. No perforation. No neoplasm.',
      },
      {
        type: 'DISCHARGE_SUMMARY',
        title: 'Discharge summary',
        author: 'attending',
        dayOffset: 2,
        text: (c) =>
          `Admitted ${c.day(0)} with acute appendicitis without perforation or abscess; laparoscopic appendectomy the ` +
          `same day. Uneventful recovery. Discharged ${c.day(2)}. Surgery clinic in two weeks.`,
      },
    ],
    lists: [
      { kind: 'PROBLEM', text: 'Acute appendicitis' },
      { kind: 'PROCEDURE', text: 'Laparoscopic appendectomy' },
      { kind: 'SUPPLY', text: 'Laparoscopic specimen retrieval bag' },
      { kind: 'FOLLOW_UP', text: 'Surgery clinic in 2 weeks' },
    ],
    answer: {
      icd10cm: [{ code: 'K3580', principal: true, poa: 'Y' }],
      icd10pcs: ['0DTJ4ZZ'],
      procedures: [],
      hcpcs: [],
    },
  },
  {
    key: 'inpatient-cholecystitis',
    type: 'INPATIENT',
    days: 2,
    ageRange: [35, 70],
    sex: 'female',
    dischargeDisposition: 'Home',
    documents: [
      {
        type: 'HISTORY_AND_PHYSICAL',
        title: 'History and physical',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}, right upper quadrant pain for two days after fatty meals, fever, positive Murphy sign. ` +
          `Ultrasound: gallstones with wall thickening and pericholecystic fluid; common bile duct not dilated. ` +
          `Hyperlipidemia on atorvastatin.\nAssessment: calculus of gallbladder with acute cholecystitis, no obstruction.`,
      },
      {
        type: 'OPERATIVE_REPORT',
        title: 'Operative report',
        author: 'attending',
        dayOffset: 1,
        text: () =>
          'Procedure: laparoscopic cholecystectomy. Critical view of safety obtained; cystic duct and artery clipped and ' +
          'divided; the gallbladder was removed entirely. No cholangiogram.',
      },
      {
        type: 'DISCHARGE_SUMMARY',
        title: 'Discharge summary',
        author: 'attending',
        dayOffset: 2,
        text: () =>
          'Principal diagnosis: acute calculous cholecystitis without obstruction. Secondary: hyperlipidemia. ' +
          'Laparoscopic cholecystectomy on hospital day 2. Discharged home.',
      },
    ],
    lists: [
      { kind: 'PROBLEM', text: 'Acute calculous cholecystitis' },
      { kind: 'PROBLEM', text: 'Hyperlipidemia' },
      { kind: 'MEDICATION', text: 'Atorvastatin', detail: '40 mg by mouth nightly' },
      { kind: 'FOLLOW_UP', text: 'Surgery clinic in 2 weeks' },
    ],
    answer: {
      icd10cm: [
        { code: 'K8000', principal: true, poa: 'Y' },
        { code: 'E785', poa: 'Y' },
      ],
      icd10pcs: ['0FT44ZZ'],
      procedures: [],
      hcpcs: [],
    },
  },
  {
    key: 'outpatient-screening-colonoscopy',
    type: 'OUTPATIENT',
    days: 0,
    ageRange: [50, 74],
    documents: [
      {
        type: 'PROCEDURE_NOTE',
        title: 'Colonoscopy report',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `Indication: average-risk screening for colorectal cancer; no symptoms. ${c.pronoun} tolerated moderate ` +
          `sedation. The colonoscope was advanced to the cecum; prep good. Normal mucosa throughout; no polyps. ` +
          `Impression: normal screening colonoscopy. Repeat in 10 years.`,
      },
      {
        type: 'NURSING_NOTE',
        title: 'Recovery nursing note',
        author: 'nurse',
        dayOffset: 0,
        text: () => 'Vital signs stable. Tolerating fluids. Discharged with escort.',
      },
    ],
    lists: [{ kind: 'FOLLOW_UP', text: 'Repeat colonoscopy in 10 years' }],
    answer: { icd10cm: [{ code: 'Z1211', principal: true }], icd10pcs: [], procedures: ['45378'], hcpcs: [] },
  },
  {
    key: 'ed-wrist-fracture',
    type: 'ED',
    days: 0,
    ageRange: [60, 85],
    documents: [
      {
        type: 'ED_NOTE',
        title: 'Emergency department note',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}, slipped on a rug at home and fell onto an outstretched right hand. Pain and swelling ` +
          `of the right wrist; neurovascularly intact. X-ray shows a fracture of the distal right radius, closed, ` +
          `minimally displaced. Closed treatment without manipulation; wrist orthosis applied. Moderate complexity.`,
      },
      {
        type: 'RADIOLOGY',
        title: 'Right wrist x-ray',
        author: 'consultant',
        dayOffset: 0,
        text: () => 'Three views right wrist: fracture of the distal radius, minimally displaced. Ulna intact.',
      },
    ],
    lists: [
      { kind: 'SUPPLY', text: 'Wrist hand orthosis, prefabricated' },
      { kind: 'FOLLOW_UP', text: 'Orthopedics clinic in 5 days' },
    ],
    answer: {
      icd10cm: [{ code: 'S52501A', principal: true }, { code: 'W010XXA' }, { code: 'Y92009' }],
      icd10pcs: [],
      procedures: ['99284', '25600'],
      hcpcs: ['L3908'],
    },
  },
  {
    key: 'ed-chest-pain',
    type: 'ED',
    days: 0,
    ageRange: [40, 75],
    documents: [
      {
        type: 'ED_NOTE',
        title: 'Emergency department note',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}, with two hours of chest pain at rest, non-radiating. History of essential ` +
          `hypertension. ECG interpreted by me: normal sinus rhythm, no ischemic changes. Serial troponins negative. ` +
          `Chest x-ray unremarkable. Assessment: chest pain, unspecified; acute coronary syndrome ruled out.`,
      },
      {
        type: 'LAB_SUMMARY',
        title: 'Laboratory summary',
        author: 'nurse',
        dayOffset: 0,
        text: () => 'Troponin I at 0 and 3 hours below the reference limit. Basic metabolic panel normal.',
      },
      {
        type: 'RADIOLOGY',
        title: 'Chest x-ray, two views',
        author: 'consultant',
        dayOffset: 0,
        text: () => 'PA and lateral chest: no acute cardiopulmonary process.',
      },
    ],
    lists: [{ kind: 'FOLLOW_UP', text: 'Cardiology stress test within 72 hours' }],
    answer: {
      icd10cm: [{ code: 'R079', principal: true }, { code: 'I10' }],
      icd10pcs: [],
      procedures: ['99284', '93010', '71046'],
      hcpcs: [],
    },
  },
  {
    key: 'profee-hypertension-diabetes',
    type: 'PROFEE',
    days: 0,
    ageRange: [45, 80],
    documents: [
      {
        type: 'PROGRESS_NOTE',
        title: 'Office visit',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `Established patient ${c.patient}, ${c.age}, for follow-up of essential hypertension, type 2 diabetes ` +
          `without complications and hyperlipidemia. BP 142/88; A1c 7.4%. Increased lisinopril; continued metformin ` +
          `and atorvastatin. Two chronic illnesses with medication management: moderate decision making.`,
      },
      {
        type: 'MEDICATION_LIST',
        title: 'Medication list',
        author: 'nurse',
        dayOffset: 0,
        text: () => 'Lisinopril 40 mg daily; metformin 1000 mg twice daily; atorvastatin 40 mg nightly.',
      },
      {
        type: 'PROBLEM_LIST',
        title: 'Problem list',
        author: 'nurse',
        dayOffset: 0,
        text: () => 'Essential hypertension. Type 2 diabetes mellitus. Hyperlipidemia.',
      },
    ],
    lists: [
      { kind: 'PROBLEM', text: 'Essential hypertension' },
      { kind: 'PROBLEM', text: 'Type 2 diabetes mellitus without complications' },
      { kind: 'PROBLEM', text: 'Hyperlipidemia' },
      { kind: 'FOLLOW_UP', text: 'Return in 3 months with A1c' },
    ],
    answer: {
      icd10cm: [{ code: 'I10', principal: true }, { code: 'E119' }, { code: 'E785' }],
      icd10pcs: [],
      procedures: ['99214'],
      hcpcs: [],
    },
  },
  {
    key: 'outpatient-uti',
    type: 'OUTPATIENT',
    days: 0,
    ageRange: [20, 60],
    sex: 'female',
    documents: [
      {
        type: 'PROGRESS_NOTE',
        title: 'Clinic visit',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}, with dysuria and urinary frequency for two days, no fever or flank pain. Urinalysis ` +
          `with microscopy: positive leukocyte esterase and nitrites. Urine culture sent. Assessment: urinary tract ` +
          `infection, site not specified. Nitrofurantoin for 5 days. Low complexity.`,
      },
    ],
    lists: [{ kind: 'MEDICATION', text: 'Nitrofurantoin', detail: '100 mg by mouth twice daily for 5 days' }],
    answer: {
      icd10cm: [{ code: 'N390', principal: true }],
      icd10pcs: [],
      procedures: ['99213', '81001', '87086'],
      hcpcs: [],
    },
  },
  {
    key: 'profee-depression',
    type: 'PROFEE',
    days: 0,
    ageRange: [22, 65],
    encounterLabels: ['BEHAVIORAL_HEALTH'],
    documents: [
      {
        type: 'PROGRESS_NOTE',
        title: 'Behavioral health visit',
        author: 'attending',
        dayOffset: 0,
        labels: ['BEHAVIORAL_HEALTH'],
        text: (c) =>
          `${c.patient}, ${c.age}, follow-up for major depressive disorder, single episode, and generalized anxiety ` +
          `disorder. PHQ-9 of 14, GAD-7 of 12. No suicidal ideation. Sertraline increased to 100 mg. Moderate ` +
          `decision making.`,
      },
      {
        type: 'FAMILY_SOCIAL_HISTORY',
        title: 'Social history',
        author: 'nurse',
        dayOffset: 0,
        labels: ['BEHAVIORAL_HEALTH'],
        text: () => 'Lives with partner. Works full time. Mother with depression.',
      },
    ],
    lists: [{ kind: 'MEDICATION', text: 'Sertraline', detail: '100 mg by mouth daily' }],
    answer: {
      icd10cm: [{ code: 'F329', principal: true }, { code: 'F411' }],
      icd10pcs: [],
      procedures: ['99214'],
      hcpcs: [],
    },
  },
  {
    key: 'inpatient-alcohol-dependence',
    type: 'INPATIENT',
    days: 3,
    ageRange: [30, 65],
    encounterLabels: ['SUBSTANCE_USE_PART2'],
    dischargeDisposition: 'Home',
    documents: [
      {
        type: 'HISTORY_AND_PHYSICAL',
        title: 'Addiction medicine admission',
        author: 'attending',
        dayOffset: 0,
        labels: ['SUBSTANCE_USE_PART2'],
        text: (c) =>
          `${c.patient}, ${c.age}, admitted to the substance use program for alcohol dependence, uncomplicated, seeking ` +
          `treatment. No withdrawal signs on arrival. Essential hypertension on amlodipine.`,
      },
      {
        type: 'DISCHARGE_SUMMARY',
        title: 'Program discharge summary',
        author: 'attending',
        dayOffset: 3,
        labels: ['SUBSTANCE_USE_PART2'],
        text: () =>
          'Alcohol dependence, uncomplicated; hypertension. Completed the program; outpatient counselling arranged.',
      },
    ],
    lists: [{ kind: 'FOLLOW_UP', text: 'Outpatient counselling weekly' }],
    answer: {
      icd10cm: [
        { code: 'F1020', principal: true, poa: 'Y' },
        { code: 'I10', poa: 'Y' },
      ],
      icd10pcs: [],
      procedures: [],
      hcpcs: [],
    },
  },
  {
    key: 'inpatient-pneumonia-with-part2-consult',
    type: 'INPATIENT',
    days: 3,
    ageRange: [35, 70],
    dischargeDisposition: 'Home',
    documents: [
      {
        type: 'HISTORY_AND_PHYSICAL',
        title: 'History and physical',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}, with fever, cough and right-sided pleuritic pain. Consolidation on chest x-ray. ` +
          `Assessment: pneumonia, organism unspecified. Addiction medicine consulted.`,
      },
      {
        type: 'CONSULT',
        title: 'Addiction medicine consult',
        author: 'consultant',
        dayOffset: 1,
        labels: ['SUBSTANCE_USE_PART2'],
        text: () =>
          'Opioid dependence, uncomplicated, on maintenance treatment through our program. Continue current dose.',
      },
      {
        type: 'DISCHARGE_SUMMARY',
        title: 'Discharge summary',
        author: 'attending',
        dayOffset: 3,
        text: () => 'Pneumonia treated with antibiotics; discharged home. See consult for additional diagnoses.',
      },
    ],
    lists: [{ kind: 'PROBLEM', text: 'Pneumonia' }],
    answer: {
      icd10cm: [
        { code: 'J189', principal: true, poa: 'Y' },
        { code: 'F1120', poa: 'Y' },
      ],
      icd10pcs: [],
      procedures: [],
      hcpcs: [],
    },
  },
  {
    key: 'profee-hiv',
    type: 'PROFEE',
    days: 0,
    ageRange: [25, 65],
    encounterLabels: ['HIV_STI'],
    documents: [
      {
        type: 'PROGRESS_NOTE',
        title: 'Infectious disease clinic visit',
        author: 'attending',
        dayOffset: 0,
        labels: ['HIV_STI'],
        text: (c) =>
          `${c.patient}, ${c.age}, with HIV disease, history of an AIDS-defining illness, on antiretroviral therapy. ` +
          `Viral load undetectable; CD4 410. Medication reviewed with adherence counselling. Moderate decision making.`,
      },
    ],
    lists: [{ kind: 'MEDICATION', text: 'Antiretroviral therapy', detail: 'one tablet by mouth daily' }],
    answer: { icd10cm: [{ code: 'B20', principal: true }], icd10pcs: [], procedures: ['99214'], hcpcs: [] },
  },
  {
    key: 'inpatient-sepsis-uti',
    type: 'INPATIENT',
    days: 4,
    ageRange: [65, 90],
    dischargeDisposition: 'Skilled nursing facility',
    documents: [
      {
        type: 'HISTORY_AND_PHYSICAL',
        title: 'History and physical',
        author: 'attending',
        dayOffset: 0,
        text: (c) =>
          `${c.patient}, ${c.age}, confused, temperature 38.9 C, heart rate 118, WBC 17. Urinalysis consistent with ` +
          `infection. Assessment: sepsis due to urinary tract infection, organism not yet identified; no organ ` +
          `dysfunction. Type 2 diabetes without complications.`,
      },
      {
        type: 'PROGRESS_NOTE',
        title: 'Hospital day 3',
        author: 'attending',
        dayOffset: 2,
        text: () =>
          'Cultures without a definite organism. Sepsis resolving on IV antibiotics. Mental status at baseline.',
      },
      {
        type: 'DISCHARGE_SUMMARY',
        title: 'Discharge summary',
        author: 'attending',
        dayOffset: 4,
        text: () =>
          'Principal diagnosis: sepsis, unspecified organism, present on admission, due to urinary tract infection. ' +
          'Type 2 diabetes mellitus. Discharged to a skilled nursing facility.',
      },
    ],
    lists: [
      { kind: 'PROBLEM', text: 'Sepsis' },
      { kind: 'PROBLEM', text: 'Urinary tract infection' },
      { kind: 'FOLLOW_UP', text: 'Skilled nursing facility; primary care in 2 weeks' },
    ],
    answer: {
      icd10cm: [
        { code: 'A419', principal: true, poa: 'Y' },
        { code: 'N390', poa: 'Y' },
        { code: 'E119', poa: 'Y' },
      ],
      icd10pcs: [],
      procedures: [],
      hcpcs: [],
    },
  },
];
