import type { ChartAccessFacts, ChartAccessSubject } from '@chartdesk/api-access';
import type { Actor } from '@chartdesk/api-platform';
import { type AccessFactsInput, chartSubjectOf } from '@chartdesk/api-records';
import type { Role, SensitivityLabel } from '@chartdesk/contracts';

/**
 * One row of CHART_ACCESS_FACTS_SQL or of the worklist's own batch queries (which
 * have no grants): records' own type, so both read the policy facts the same way.
 */
export type FactsRow = AccessFactsInput;

/** The identity facts of a user the policy needs, for someone other than the caller (a coder being assigned). */
export interface CoderFacts {
  readonly id: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly clearances: readonly SensitivityLabel[];
  readonly part2TrainingDate: string | null;
  readonly linkedPatientIds: readonly string[];
}

function trainingDate(value: string | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

/** The caller as the policy sees them: records' one mapping (the batch queries add the identity facts). */
export function subjectOfActor(
  actor: Actor,
  row: Pick<FactsRow, 'part2_training_date' | 'linked_patient_ids'>,
): ChartAccessSubject {
  return chartSubjectOf(actor, {
    part2_training_date: row.part2_training_date ?? null,
    linked_patient_ids: row.linked_patient_ids ?? [],
  });
}

export function subjectOfCoder(coder: CoderFacts): ChartAccessSubject {
  return {
    userId: coder.id,
    role: coder.role,
    teamId: coder.teamId,
    clearances: coder.clearances,
    part2TrainedOn: trainingDate(coder.part2TrainingDate),
    linkedPatientIds: coder.linkedPatientIds,
  };
}

/**
 * The facts as they would be if `coder` held the chart: asking the policy whether
 * that coder could then open it is exactly "may this chart be given to them" —
 * clearance, Part 2 training, own or relative's record — with no second rule set.
 */
export function factsIfAssignedTo(facts: ChartAccessFacts, coder: CoderFacts): ChartAccessFacts {
  return {
    ...facts,
    assignment: { id: 'prospective', coderId: coder.id, coderTeamId: coder.teamId },
    breakGlassGrant: null,
    investigation: null,
  };
}

/** The caller's own policy facts (Part 2 training, linked patients), for batch checks over many charts. */
export async function actorIdentityFacts(
  m: { query(sql: string, params?: unknown[]): Promise<unknown> },
  actor: Actor,
): Promise<Pick<FactsRow, 'part2_training_date' | 'linked_patient_ids'>> {
  const [row] = (await m.query(
    `SELECT to_char(part2_training_date, 'YYYY-MM-DD') AS part2_training_date, linked_patient_ids
       FROM identity_users WHERE id = $1`,
    [actor.userId],
  )) as { part2_training_date: string | null; linked_patient_ids: string[] }[];
  return { part2_training_date: row?.part2_training_date ?? null, linked_patient_ids: row?.linked_patient_ids ?? [] };
}
