import type { ChartListKind, DocumentType, EncounterType } from '@chartdesk/contracts';
import type {
  AllergyIntolerance,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Composition,
  Condition,
  DocumentReference,
  Encounter,
  Identifier,
  MedicationRequest,
  MedicationStatement,
  Patient,
  Procedure,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import type { DocumentInput, EncounterInput, ListItemInput, PatientInput } from '../store/record-inputs';
import { htmlToText } from './html-to-text';
import {
  FhirMappingError,
  LIMITS,
  array,
  codes,
  conceptText,
  date,
  instant,
  object,
  requiredText,
  securityLabels,
  text,
} from './fhir-values';

export interface MappedBundle {
  readonly patients: Map<string, PatientInput>;
  readonly encounters: { refs: string[]; patientRef: string; input: EncounterInput }[];
  readonly documents: { name: string; encounterRef: string; input: DocumentInput }[];
  readonly lists: { name: string; encounterRef: string; input: ListItemInput }[];
  readonly skipped: string[];
}

export const MAX_BUNDLE_ENTRIES = 5000;

const LOINC_DOCUMENT_TYPES: Readonly<Record<string, DocumentType>> = {
  '34117-2': 'HISTORY_AND_PHYSICAL',
  '11506-3': 'PROGRESS_NOTE',
  '11488-4': 'CONSULT',
  '11504-8': 'OPERATIVE_REPORT',
  '28570-0': 'PROCEDURE_NOTE',
  '18842-5': 'DISCHARGE_SUMMARY',
  '34111-5': 'ED_NOTE',
  '18748-4': 'RADIOLOGY',
  '11526-1': 'PATHOLOGY',
  '11502-2': 'LAB_SUMMARY',
  '10160-0': 'MEDICATION_LIST',
  '11450-4': 'PROBLEM_LIST',
  '10157-6': 'FAMILY_SOCIAL_HISTORY',
  '29762-2': 'FAMILY_SOCIAL_HISTORY',
  '34746-8': 'NURSING_NOTE',
};

const ENCOUNTER_CLASSES: Readonly<Record<string, EncounterType>> = {
  IMP: 'INPATIENT',
  ACUTE: 'INPATIENT',
  NONAC: 'INPATIENT',
  AMB: 'OUTPATIENT',
  OBSENC: 'OUTPATIENT',
  EMER: 'ED',
  VR: 'PROFEE',
  HH: 'PROFEE',
};

const SSN_SYSTEM = 'http://hl7.org/fhir/sid/us-ssn';
const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

/** How a resource is named in errors: its type and id (or entry position), never its content. */
function nameOf(resource: Resource | undefined, index: number): string {
  const id = typeof resource?.id === 'string' && /^[A-Za-z0-9.-]{1,64}$/.test(resource.id) ? resource.id : null;
  const type =
    typeof resource?.resourceType === 'string' && /^[A-Za-z]{1,64}$/.test(resource.resourceType)
      ? resource.resourceType
      : 'resource';
  return id ? `${type}/${id} (entry ${index})` : `${type} (entry ${index})`;
}

/** Every form a reference to this resource may take inside the bundle. */
function referenceKeys(entry: BundleEntry, resource: Resource): string[] {
  const keys: string[] = [];
  if (typeof entry.fullUrl === 'string') keys.push(entry.fullUrl);
  if (typeof resource.id === 'string') keys.push(`${resource.resourceType}/${resource.id}`);
  return keys;
}

function ref(reference: Reference | undefined, field: string): string {
  return requiredText(object<Reference>(reference, field)?.reference, `${field}.reference`, 300);
}

function sourceId(resource: { identifier?: Identifier[] | Identifier; id?: string }, field: string): string {
  const ids = Array.isArray(resource.identifier)
    ? resource.identifier
    : resource.identifier
      ? [resource.identifier]
      : [];
  const value = ids.length
    ? text(object<Identifier>(ids[0], `${field}.identifier[0]`)?.value, `${field}.identifier[0].value`, 200, false)
    : null;
  return value ?? requiredText(resource.id, `${field}.id (or an identifier)`, 200);
}

function mapPatient(p: Patient, defaultFacility: string): PatientInput {
  const identifiers = array<Identifier>(p.identifier, 'identifier', 50);
  const isMrn = (i: Identifier): boolean => !!i?.type?.coding?.some?.((c) => c?.code === 'MR');
  const mrnId = identifiers.find(isMrn) ?? identifiers.find((i) => i?.system !== SSN_SYSTEM);
  if (!mrnId) throw new FhirMappingError('identifier with an MRN (type MR) is required');
  const ssnId = identifiers.find((i) => i?.system === SSN_SYSTEM);
  const name = object<NonNullable<Patient['name']>[number]>(array(p.name, 'name', 20)[0], 'name[0]');
  const address = object<NonNullable<Patient['address']>[number]>(array(p.address, 'address', 20)[0], 'address[0]');
  const telecom = array<NonNullable<Patient['telecom']>[number]>(p.telecom, 'telecom', 20);
  const labels = securityLabels(p.meta);
  const gender = p.gender ?? 'unknown';
  if (!['female', 'male', 'other', 'unknown'].includes(gender))
    throw new FhirMappingError('gender is not a FHIR gender');
  return {
    facility: requiredText(mrnId.assigner?.display ?? defaultFacility, 'identifier.assigner.display', 64),
    mrn: requiredText(mrnId.value, 'identifier[MR].value', 64),
    familyName: requiredText(name?.family, 'name[0].family'),
    givenName: array<string>(name?.given, 'name[0].given', 10)
      .map((g, i) => requiredText(g, `name[0].given[${i}]`))
      .join(' '),
    birthDate: date(p.birthDate, 'birthDate'),
    sex: gender,
    ssn: ssnId ? requiredText(ssnId.value, 'identifier[ssn].value', 11) : null,
    addressLine:
      array<string>(address?.line, 'address[0].line', 5)
        .map((l, i) => requiredText(l, `address[0].line[${i}]`))
        .join(', ') || null,
    city: text(address?.city, 'address[0].city', LIMITS.shortText, false),
    state: text(address?.state, 'address[0].state', LIMITS.shortText, false),
    postalCode: text(address?.postalCode, 'address[0].postalCode', 20, false),
    phone: text(telecom.find((t) => t?.system === 'phone')?.value, 'telecom[phone].value', 40, false),
    email: text(telecom.find((t) => t?.system === 'email')?.value, 'telecom[email].value', LIMITS.shortText, false),
    isVip: labels.includes('VIP'),
    isEmployee: labels.includes('EMPLOYEE'),
  };
}

function mapEncounter(e: Encounter, facility: string): EncounterInput {
  const classCode = requiredText(object<{ code?: string }>(e.class, 'class')?.code, 'class.code', 20);
  const typeCodes = array<CodeableConcept>(e.type, 'type', 20).flatMap((t, i) => codes(t, `type[${i}]`));
  const type: EncounterType | undefined = typeCodes.includes('PROFEE') ? 'PROFEE' : ENCOUNTER_CLASSES[classCode];
  if (!type) throw new FhirMappingError('class.code is not an encounter class we import');
  const period = object<NonNullable<Encounter['period']>>(e.period, 'period');
  const start = instant(period?.start, 'period.start');
  const end = period?.end ? instant(period.end, 'period.end') : null;
  const participants = array<NonNullable<Encounter['participant']>[number]>(e.participant, 'participant', 50);
  return {
    facility: requiredText(e.serviceProvider?.display ?? facility, 'serviceProvider.display', 64),
    encounterNumber: sourceId(e, 'Encounter'),
    type,
    admittedAt: type === 'INPATIENT' ? start : null,
    dischargedAt: type === 'INPATIENT' ? end : null,
    serviceDate: type === 'INPATIENT' ? null : start.toISOString().slice(0, 10),
    providers: participants.map((p, i) => {
      const who = object<Reference>(p?.individual, `participant[${i}].individual`);
      const npi = who?.identifier?.system === NPI_SYSTEM ? who.identifier.value : who?.identifier?.value;
      return {
        role:
          array<CodeableConcept>(p?.type, `participant[${i}].type`, 5).flatMap((t, j) =>
            codes(t, `participant[${i}].type[${j}]`),
          )[0] ?? 'PART',
        name: requiredText(who?.display, `participant[${i}].individual.display`),
        npi: requiredText(npi ?? 'unknown', `participant[${i}].individual.identifier.value`, 20),
      };
    }),
    dischargeDisposition: conceptText(
      e.hospitalization?.dischargeDisposition,
      'hospitalization.dischargeDisposition',
      false,
    ),
    payerName: null,
    labels: securityLabels(e.meta),
  };
}

function documentType(concept: CodeableConcept | undefined, field: string): DocumentType {
  for (const code of codes(concept, field)) {
    const mapped = LOINC_DOCUMENT_TYPES[code];
    if (mapped) return mapped;
  }
  return 'PROGRESS_NOTE';
}

function mapDocumentReference(d: DocumentReference): { encounterRef: string; input: DocumentInput } {
  const content = array<NonNullable<DocumentReference['content']>[number]>(d.content, 'content', 10);
  const attachment = object<NonNullable<DocumentReference['content']>[number]['attachment']>(
    content[0]?.attachment,
    'content[0].attachment',
  );
  const contentType = requiredText(attachment?.contentType, 'content[0].attachment.contentType', 100)
    .replace(/;.*$/, '')
    .trim();
  if (contentType !== 'text/plain' && contentType !== 'text/html') {
    throw new FhirMappingError('content[0].attachment.contentType must be text/plain or text/html');
  }
  const data = requiredText(attachment?.data, 'content[0].attachment.data', LIMITS.documentText * 2);
  if (!/^[A-Za-z0-9+/=\s]*$/.test(data)) throw new FhirMappingError('content[0].attachment.data is not base64');
  const raw = Buffer.from(data, 'base64').toString('utf8');
  const body = contentType === 'text/html' ? htmlToText(raw) : raw;
  if (body.length > LIMITS.documentText)
    throw new FhirMappingError(`document text is longer than ${LIMITS.documentText} characters`);
  const encounters = array<Reference>(d.context?.encounter, 'context.encounter', 5);
  return {
    encounterRef: ref(encounters[0], 'context.encounter[0]'),
    input: {
      sourceId: sourceId(
        { identifier: d.masterIdentifier ? [d.masterIdentifier] : d.identifier, id: d.id },
        'DocumentReference',
      ),
      type: documentType(d.type, 'type'),
      title: requiredText(
        attachment?.title ?? d.description ?? conceptText(d.type, 'type', false) ?? 'Document',
        'title',
        300,
      ),
      authorName: requiredText(
        array<Reference>(d.author, 'author', 10)[0]?.display ?? 'Unknown author',
        'author[0].display',
      ),
      authoredAt: instant(d.date, 'date'),
      text: body,
      labels: securityLabels(d.meta, array<CodeableConcept>(d.securityLabel, 'securityLabel', 20)),
    },
  };
}

function mapComposition(c: Composition): { encounterRef: string; input: DocumentInput } {
  const sections = array<NonNullable<Composition['section']>[number]>(c.section, 'section', 200);
  const body = sections
    .map((s, i) => {
      const title = text(s?.title, `section[${i}].title`, 300, false);
      const div = text(s?.text?.div, `section[${i}].text.div`, LIMITS.documentText, false);
      return [title, div ? htmlToText(div) : null].filter(Boolean).join('\n');
    })
    .join('\n\n');
  if (body.length > LIMITS.documentText)
    throw new FhirMappingError(`document text is longer than ${LIMITS.documentText} characters`);
  return {
    encounterRef: ref(c.encounter, 'encounter'),
    input: {
      sourceId: sourceId(c, 'Composition'),
      type: documentType(c.type, 'type'),
      title: requiredText(c.title, 'title', 300),
      authorName: requiredText(
        array<Reference>(c.author, 'author', 10)[0]?.display ?? 'Unknown author',
        'author[0].display',
      ),
      authoredAt: instant(c.date, 'date'),
      text: body,
      labels: securityLabels(c.meta),
    },
  };
}

type ListResource = Condition | Procedure | MedicationRequest | MedicationStatement | AllergyIntolerance;

function mapListItem(r: ListResource): { encounterRef: string; input: ListItemInput } {
  let kind: ChartListKind;
  let what: string | null;
  let detail: string | null = null;
  let encounter: Reference | undefined;
  switch (r.resourceType) {
    case 'Condition':
      kind = 'PROBLEM';
      what = conceptText(r.code, 'code');
      detail = text(r.onsetDateTime, 'onsetDateTime', 40, false);
      encounter = r.encounter;
      break;
    case 'Procedure':
      kind = 'PROCEDURE';
      what = conceptText(r.code, 'code');
      detail = text(r.performedDateTime, 'performedDateTime', 40, false);
      encounter = r.encounter;
      break;
    case 'MedicationRequest':
      kind = 'MEDICATION';
      what = conceptText(r.medicationCodeableConcept, 'medicationCodeableConcept');
      detail = text(
        array<{ text?: string }>(r.dosageInstruction, 'dosageInstruction', 20)[0]?.text,
        'dosageInstruction[0].text',
        LIMITS.label,
        false,
      );
      encounter = r.encounter;
      break;
    case 'MedicationStatement':
      kind = 'MEDICATION';
      what = conceptText(r.medicationCodeableConcept, 'medicationCodeableConcept');
      detail = text(array<{ text?: string }>(r.dosage, 'dosage', 20)[0]?.text, 'dosage[0].text', LIMITS.label, false);
      encounter = r.context;
      break;
    case 'AllergyIntolerance':
      kind = 'ALLERGY';
      what = conceptText(r.code, 'code');
      detail = conceptText(
        array<{ manifestation?: CodeableConcept[] }>(r.reaction, 'reaction', 20)[0]?.manifestation?.[0],
        'reaction[0].manifestation[0]',
        false,
      );
      encounter = r.encounter;
      break;
  }
  return {
    encounterRef: ref(encounter, 'encounter'),
    input: {
      sourceId: sourceId(r, r.resourceType),
      kind,
      text: what as string,
      detail,
      labels: securityLabels(r.meta),
    },
  };
}

/**
 * Maps one Bundle to store inputs, or a list of errors naming each bad
 * resource. Pure: nothing is written, so a bundle with any error writes nothing.
 */
export function mapBundle(input: unknown, defaultFacility: string): MappedBundle | { errors: string[] } {
  const bundle = input as Bundle;
  if (!bundle || typeof bundle !== 'object' || bundle.resourceType !== 'Bundle')
    return { errors: ['not a FHIR Bundle'] };
  if (bundle.type !== 'transaction' && bundle.type !== 'collection') {
    return { errors: ['Bundle.type must be transaction or collection'] };
  }
  let entries: BundleEntry[];
  try {
    entries = array<BundleEntry>(bundle.entry, 'Bundle.entry', MAX_BUNDLE_ENTRIES);
  } catch (e) {
    return { errors: [(e as Error).message] };
  }
  const errors: string[] = [];
  const out: MappedBundle = { patients: new Map(), encounters: [], documents: [], lists: [], skipped: [] };
  const patientFacility = new Map<string, string>();
  const pending: (() => void)[] = [];
  // References to resources that already failed: reported once, not again by every dependant.
  const failedRefs = new Set<string>();
  entries.forEach((entry, index) => {
    const resource = (entry && typeof entry === 'object' ? entry.resource : undefined) as Resource | undefined;
    const name = nameOf(resource, index);
    const guard = (work: () => void): void => {
      try {
        work();
      } catch (e) {
        if (!(e instanceof FhirMappingError)) throw e;
        errors.push(`${name}: ${e.message}`);
        if (entry && resource) referenceKeys(entry, resource).forEach((k) => failedRefs.add(k));
      }
    };
    if (!resource || typeof resource !== 'object') return void errors.push(`${name}: entry has no resource`);
    switch (resource.resourceType) {
      case 'Patient':
        return guard(() => {
          const mapped = mapPatient(resource, defaultFacility);
          for (const key of referenceKeys(entry, resource)) {
            out.patients.set(key, mapped);
            patientFacility.set(key, mapped.facility);
          }
        });
      case 'Encounter':
        // Encounters need their patient's facility, so they map after every patient is known.
        return void pending.push(() =>
          guard(() => {
            const patientRef = ref(resource.subject, 'subject');
            const facility = patientFacility.get(patientRef);
            if (!facility) throw new FhirMappingError('subject does not name a Patient in this bundle');
            const input = mapEncounter(resource, facility);
            out.encounters.push({ refs: referenceKeys(entry, resource), patientRef, input });
          }),
        );
      case 'DocumentReference':
        return guard(() => void out.documents.push({ name, ...mapDocumentReference(resource) }));
      case 'Composition':
        return guard(() => void out.documents.push({ name, ...mapComposition(resource) }));
      case 'Condition':
      case 'Procedure':
      case 'MedicationRequest':
      case 'MedicationStatement':
      case 'AllergyIntolerance':
        return guard(() => void out.lists.push({ name, ...mapListItem(resource) }));
      default:
        out.skipped.push(name);
    }
  });
  pending.forEach((run) => run());
  const encounterRefs = new Set(out.encounters.flatMap((e) => e.refs));
  for (const d of [...out.documents, ...out.lists]) {
    if (!encounterRefs.has(d.encounterRef) && !failedRefs.has(d.encounterRef)) {
      errors.push(`${d.name}: encounter reference is not an Encounter in this bundle`);
    }
  }
  return errors.length ? { errors } : out;
}
