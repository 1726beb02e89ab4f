import type { EntityManager } from 'typeorm';

/**
 * Links a patient record to a workforce member (an employee who is also a
 * patient), so the record policies refuse them that chart. Records' import and
 * demo seed call this; app_user stays identity's to write.
 */
export async function linkPatientToUser(m: EntityManager, userId: string, patientId: string): Promise<void> {
  // The column holds patient ids as text; the policy compares them with the chart's patient.
  await m.query(
    `UPDATE app_user SET linked_patient_ids = array_append(linked_patient_ids, $2::text)
      WHERE id = $1 AND NOT ($2::text = ANY (linked_patient_ids))`,
    [userId, patientId],
  );
}
