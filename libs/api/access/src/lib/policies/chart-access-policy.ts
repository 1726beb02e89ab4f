import type { SensitivityLabel } from '@chartdesk/contracts';
import type {
  ChartAccessDecision,
  ChartAccessFacts,
  ChartAccessSubject,
  ChartDenyReason,
  DocumentVisibility,
} from './chart-access-facts';

const PART2: SensitivityLabel = 'SUBSTANCE_USE_PART2';
export const UNASSIGNED_POOL_PURPOSE = 'UNASSIGNED_POOL';

function deny(reason: ChartDenyReason): ChartAccessDecision {
  return { allowed: false, reason };
}

/**
 * The one place that decides who may see which chart, and how much of it.
 * Pure: it takes facts loaded by the caller and answers with a reason, so it
 * can be tested as a decision table. Anything not explicitly allowed is denied.
 */
export class ChartAccessPolicy {
  /** Part 2 needs both the clearance and a completed training; other labels need the clearance. */
  static covers(subject: ChartAccessSubject, label: SensitivityLabel, now: Date): boolean {
    if (!subject.clearances.includes(label)) return false;
    if (label !== PART2) return true;
    return subject.part2TrainedOn !== null && subject.part2TrainedOn.getTime() <= now.getTime();
  }

  /** Every label that makes the chart sensitive, including those implied by the patient's flags. */
  static chartLabels(facts: ChartAccessFacts): SensitivityLabel[] {
    const labels = new Set<SensitivityLabel>([...facts.encounterLabels, ...facts.documentLabels]);
    if (facts.patientIsVip) labels.add('VIP');
    if (facts.patientIsEmployee) labels.add('EMPLOYEE');
    return [...labels].sort();
  }

  /** Labels on the encounter itself (not its documents): these gate the whole chart for non-coders. */
  private static encounterLevelLabels(facts: ChartAccessFacts): SensitivityLabel[] {
    const labels = new Set<SensitivityLabel>(facts.encounterLabels);
    if (facts.patientIsVip) labels.add('VIP');
    if (facts.patientIsEmployee) labels.add('EMPLOYEE');
    return [...labels];
  }

  static canOpen(subject: ChartAccessSubject, facts: ChartAccessFacts, now: Date): ChartAccessDecision {
    if (subject.role === 'ADMIN') return deny('ROLE_HAS_NO_PATIENT_ACCESS');
    // Before any other rule: not even break-the-glass opens one's own or a relative's record.
    if (subject.linkedPatientIds.includes(facts.patientId)) return deny('OWN_OR_RELATIVE_RECORD');
    switch (subject.role) {
      case 'CODER':
        return ChartAccessPolicy.coderDecision(subject, facts, now);
      case 'SUPERVISOR':
        return ChartAccessPolicy.supervisorDecision(subject, facts, now);
      case 'COMPLIANCE':
        return ChartAccessPolicy.complianceDecision(facts, now);
    }
  }

  /** A coder codes the whole chart, so every label on it, documents included, must be covered. */
  private static coderDecision(subject: ChartAccessSubject, facts: ChartAccessFacts, now: Date): ChartAccessDecision {
    if (!facts.assignment || facts.assignment.coderId !== subject.userId) return deny('NOT_ASSIGNED');
    const labels = ChartAccessPolicy.chartLabels(facts);
    if (labels.includes(PART2) && !ChartAccessPolicy.covers(subject, PART2, now)) return deny('PART2_NOT_AUTHORIZED');
    if (!labels.every((l) => ChartAccessPolicy.covers(subject, l, now))) return deny('ABOVE_CLEARANCE');
    return { allowed: true, basis: 'ASSIGNMENT', purpose: facts.assignment.id, expiresAt: null };
  }

  private static supervisorDecision(
    subject: ChartAccessSubject,
    facts: ChartAccessFacts,
    now: Date,
  ): ChartAccessDecision {
    const inTeam =
      facts.assignment !== null && subject.teamId !== null && facts.assignment.coderTeamId === subject.teamId;
    const inPool = facts.assignment === null;
    if (inTeam || inPool) {
      const gated = ChartAccessPolicy.encounterLevelLabels(facts);
      if (gated.every((l) => ChartAccessPolicy.covers(subject, l, now))) {
        return facts.assignment
          ? { allowed: true, basis: 'TEAM', purpose: facts.assignment.id, expiresAt: null }
          : { allowed: true, basis: 'UNASSIGNED_POOL', purpose: UNASSIGNED_POOL_PURPOSE, expiresAt: null };
      }
    }
    const viaGrant = ChartAccessPolicy.breakGlassDecision(facts, now);
    if (viaGrant) return viaGrant;
    return deny(inTeam || inPool ? 'ABOVE_CLEARANCE' : 'NOT_IN_SCOPE');
  }

  private static complianceDecision(facts: ChartAccessFacts, now: Date): ChartAccessDecision {
    const inv = facts.investigation;
    if (inv && inv.expiresAt.getTime() > now.getTime()) {
      return { allowed: true, basis: 'INVESTIGATION', purpose: inv.id, expiresAt: inv.expiresAt };
    }
    return ChartAccessPolicy.breakGlassDecision(facts, now) ?? deny('NO_INVESTIGATION');
  }

  private static breakGlassDecision(facts: ChartAccessFacts, now: Date): ChartAccessDecision | null {
    const grant = facts.breakGlassGrant;
    if (!grant || grant.expiresAt.getTime() <= now.getTime()) return null;
    if (facts.encounterLabels.includes(PART2)) return deny('PART2_NEVER_BREAK_GLASS');
    return { allowed: true, basis: 'BREAK_GLASS', purpose: grant.id, expiresAt: grant.expiresAt };
  }

  /**
   * Inside an open chart: may this reader see this document's content? Part 2
   * needs the reader's own Part 2 authorization and is never reached by
   * break-the-glass. Break-the-glass and investigations override the other labels;
   * every other basis needs the clearance.
   */
  static documentVisibility(
    subject: ChartAccessSubject,
    decision: ChartAccessDecision,
    documentLabels: readonly SensitivityLabel[],
    now: Date,
  ): DocumentVisibility {
    if (!decision.allowed) return 'WITHHELD';
    for (const label of documentLabels) {
      if (label === PART2) {
        if (decision.basis === 'BREAK_GLASS' || !ChartAccessPolicy.covers(subject, PART2, now)) return 'WITHHELD';
      } else if (decision.basis !== 'BREAK_GLASS' && decision.basis !== 'INVESTIGATION') {
        if (!ChartAccessPolicy.covers(subject, label, now)) return 'WITHHELD';
      }
    }
    return 'VISIBLE';
  }

  /** May this subject break the glass on this encounter? Grants are for one encounter and never Part 2. */
  static canBreakGlass(subject: ChartAccessSubject, facts: ChartAccessFacts): ChartAccessDecision {
    if (subject.role !== 'SUPERVISOR' && subject.role !== 'COMPLIANCE') return deny('ROLE_HAS_NO_PATIENT_ACCESS');
    if (subject.linkedPatientIds.includes(facts.patientId)) return deny('OWN_OR_RELATIVE_RECORD');
    if (facts.encounterLabels.includes(PART2)) return deny('PART2_NEVER_BREAK_GLASS');
    return { allowed: true, basis: 'BREAK_GLASS', purpose: facts.encounterId, expiresAt: null };
  }

  /** Investigations are opened by compliance, never on their own or a relative's record. */
  static canInvestigate(subject: ChartAccessSubject, patientId: string): ChartDenyReason | null {
    if (subject.role !== 'COMPLIANCE') return 'ROLE_HAS_NO_PATIENT_ACCESS';
    if (subject.linkedPatientIds.includes(patientId)) return 'OWN_OR_RELATIVE_RECORD';
    return null;
  }
}
