import { Faker, base, en, en_US } from '@faker-js/faker';
import type { DocumentInput, EncounterInput, ListItemInput, PatientInput } from '../store/record-inputs';
import type { AnswerKey, DemoScenario, NoteContext } from './demo-answer-key';
import { DEMO_SCENARIOS } from './demo-scenarios';

export const DEMO_FACILITY = 'DEMO';
export const DEMO_SEED = 20_260_401;
/** The demo's one VIP patient and its one employee-patient (linked to a demo coder by the seed). */
export const VIP_CHART_INDEX = 5;
export const EMPLOYEE_CHART_INDEX = 6;

export interface GeneratedChart {
  readonly scenario: string;
  readonly patient: PatientInput;
  readonly encounter: EncounterInput;
  readonly documents: readonly DocumentInput[];
  readonly lists: readonly ListItemInput[];
  readonly answer: AnswerKey;
}

const PAYERS = ['Medicare', 'Medicaid', 'Acme Commercial PPO', 'Northwind Health HMO', 'Self-pay'];

/** A 10-digit NPI-shaped number with a valid Luhn check digit (prefix 80840), so format edits accept it. */
export function syntheticNpi(nine: string): string {
  const digits = `80840${nine}`.split('').map(Number);
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i] as number;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Deterministic synthetic charts: the same seed and index always give the
 * same patient, stay and notes. Chart i uses scenario i mod the scenario
 * count, so any prefix of the sequence covers every scenario evenly. SSNs use
 * the never-issued 9xx area so no real number can appear.
 */
export class DemoChartGenerator {
  private readonly faker: Faker;

  constructor(seed = DEMO_SEED) {
    this.faker = new Faker({ locale: [en_US, en, base] });
    this.faker.seed(seed);
  }

  chart(
    index: number,
    scenario: DemoScenario = DEMO_SCENARIOS[index % DEMO_SCENARIOS.length] as DemoScenario,
  ): GeneratedChart {
    const f = this.faker;
    f.seed(DEMO_SEED + index * 7919);
    const sex = scenario.sex ?? f.helpers.arrayElement(['female', 'male'] as const);
    const given = f.person.firstName(sex);
    const family = f.person.lastName();
    const start = new Date(Date.UTC(2026, 0, 5) + f.number.int({ min: 0, max: 300 }) * 86_400_000 + 8 * 3_600_000);
    const age = f.number.int({ min: scenario.ageRange[0], max: scenario.ageRange[1] });
    // The last birthday falls 1–364 days before the stay, so the age at service is exactly `age`.
    const lastBirthday = new Date(start.getTime() - f.number.int({ min: 1, max: 364 }) * 86_400_000);
    const birthDate = isoDay(
      new Date(
        Date.UTC(
          lastBirthday.getUTCFullYear() - age,
          lastBirthday.getUTCMonth(),
          Math.min(lastBirthday.getUTCDate(), 28),
        ),
      ),
    );
    const actualAge = ageOn(birthDate, isoDay(start));
    const doctor = (): { name: string; npi: string } => ({
      name: `Dr ${f.person.firstName()} ${f.person.lastName()}`,
      npi: syntheticNpi(f.string.numeric({ length: 9, allowLeadingZeros: false })),
    });
    const attending = doctor();
    const consultant = doctor();
    const nurse = `${f.person.firstName()} ${f.person.lastName()}, RN`;
    const payer = f.helpers.arrayElement(PAYERS);
    const ctx: NoteContext = {
      patient: `${given} ${family}`,
      age: actualAge,
      sex,
      pronoun: sex === 'female' ? 'She' : 'He',
      attending: attending.name,
      consultant: consultant.name,
      day: (offset) => isoDay(new Date(start.getTime() + offset * 86_400_000)),
    };
    const number = String(100_000 + index).padStart(7, '0');
    const inpatient = scenario.type === 'INPATIENT';
    return {
      scenario: scenario.key,
      patient: {
        facility: DEMO_FACILITY,
        mrn: `DM${number}`,
        familyName: family,
        givenName: given,
        birthDate,
        sex,
        ssn: `9${f.string.numeric(2)}-${f.string.numeric(2)}-${f.string.numeric(4)}`,
        addressLine: f.location.streetAddress(),
        city: f.location.city(),
        state: f.location.state({ abbreviated: true }),
        postalCode: f.location.zipCode('#####'),
        phone: f.phone.number({ style: 'national' }),
        email: f.internet.email({ firstName: given, lastName: family, provider: 'example.test' }),
        payerName: payer,
        memberId: payer === 'Self-pay' ? null : f.string.alphanumeric({ length: 11, casing: 'upper' }),
        isVip: index === VIP_CHART_INDEX,
        isEmployee: index === EMPLOYEE_CHART_INDEX,
      },
      encounter: {
        facility: DEMO_FACILITY,
        encounterNumber: `E${number}`,
        type: scenario.type,
        admittedAt: inpatient ? start : null,
        dischargedAt: inpatient ? new Date(start.getTime() + scenario.days * 86_400_000 + 4 * 3_600_000) : null,
        serviceDate: inpatient ? null : isoDay(start),
        providers: [
          { role: 'ATND', ...attending },
          { role: 'CON', ...consultant },
        ],
        dischargeDisposition: scenario.dischargeDisposition ?? null,
        payerName: payer,
        labels: scenario.encounterLabels ?? [],
      },
      documents: scenario.documents.map((d, i) => ({
        sourceId: `demo-${number}-doc-${i}`,
        type: d.type,
        title: d.title,
        authorName: d.author === 'attending' ? attending.name : d.author === 'consultant' ? consultant.name : nurse,
        authoredAt: new Date(start.getTime() + d.dayOffset * 86_400_000 + (i + 1) * 3_600_000),
        text: d.text(ctx),
        labels: d.labels ?? [],
      })),
      lists: scenario.lists.map((li, i) => ({
        sourceId: `demo-${number}-list-${i}`,
        kind: li.kind,
        text: li.text,
        detail: li.detail ?? null,
      })),
      answer: scenario.answer,
    };
  }

  *charts(count: number, from = 0): Generator<GeneratedChart> {
    for (let i = from; i < from + count; i++) yield this.chart(i);
  }
}

function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [sy, sm, sd] = onDate.split('-').map(Number) as [number, number, number];
  return sy - by - (sm < bm || (sm === bm && sd < bd) ? 1 : 0);
}

/** The intended codes of every demo scenario, by scenario key (for tests and the quality demo). */
export const DEMO_ANSWER_KEY: Readonly<Record<string, AnswerKey>> = Object.fromEntries(
  DEMO_SCENARIOS.map((s) => [s.key, s.answer]),
);
