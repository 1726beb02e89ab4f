/**
 * The hot path's statements (GET /api/charts/:id). Kept as plain SQL so the
 * benchmark's raw baseline runs exactly these, and lean: one statement for the
 * access decision, one for the content, then the audit insert.
 */

/** $1 encounter id, $2 reader's user id, $3 now. Everything the policy needs and nothing clinical. */
export const CHART_ACCESS_FACTS_SQL = `
SELECT e.id AS encounter_id, e.patient_id, e.labels AS encounter_labels, p.is_vip, p.is_employee,
       COALESCE((SELECT array_agg(DISTINCT l) FROM clinical_document d, unnest(d.labels) l
                  WHERE d.encounter_id = e.id), '{}') AS document_labels,
       a.id AS assignment_id, a.coder_id, cu.team_id AS coder_team_id,
       to_char(u.part2_training_date, 'YYYY-MM-DD') AS part2_training_date, COALESCE(u.linked_patient_ids, '{}') AS linked_patient_ids,
       g.id AS grant_id, g.expires_at AS grant_expires_at,
       i.id AS investigation_id, i.expires_at AS investigation_expires_at
  FROM encounter e
  JOIN patient p ON p.id = e.patient_id
  LEFT JOIN assignment a ON a.encounter_id = e.id AND a.active
  LEFT JOIN identity_users cu ON cu.id = a.coder_id
  LEFT JOIN identity_users u ON u.id = $2
  LEFT JOIN LATERAL (SELECT id, expires_at FROM break_glass_grant
                      WHERE encounter_id = e.id AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3
                      ORDER BY expires_at DESC LIMIT 1) g ON true
  LEFT JOIN LATERAL (SELECT id, expires_at FROM investigation
                      WHERE patient_id = e.patient_id AND opened_by = $2 AND closed_at IS NULL AND expires_at > $3
                      ORDER BY expires_at DESC LIMIT 1) i ON true
 WHERE e.id = $1`;

/** $1 encounter id. Run only after the policy allowed the read. */
export const CHART_CONTENT_SQL = `
SELECT p.family_name, p.given_name, p.mrn, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.sex,
       p.payer_name AS patient_payer,
       e.facility, e.encounter_number, e.encounter_type, e.admitted_at, e.discharged_at,
       to_char(e.service_date, 'YYYY-MM-DD') AS service_date, e.providers, e.discharge_disposition,
       e.payer_name AS encounter_payer, e.labels, e.coding_status, e.version,
       COALESCE((SELECT json_agg(json_build_object('id', d.id, 'type', d.doc_type, 'title', d.title,
                  'author', d.author_name, 'authoredAt', d.authored_at, 'labels', d.labels)
                  ORDER BY d.authored_at, d.id)
                 FROM clinical_document d WHERE d.encounter_id = e.id), '[]') AS documents,
       COALESCE((SELECT json_agg(json_build_object('kind', li.kind, 'text', li.text, 'detail', li.detail,
                  'labels', li.labels) ORDER BY li.kind, li.position, li.id)
                 FROM chart_list_item li WHERE li.encounter_id = e.id), '[]') AS lists
  FROM encounter e JOIN patient p ON p.id = e.patient_id
 WHERE e.id = $1`;

/** $1 encounter id, $2 document id. */
export const DOCUMENT_CONTENT_SQL = `
SELECT d.id, d.encounter_id, d.doc_type, d.title, d.author_name, d.authored_at, d.labels, d.body
  FROM clinical_document d
 WHERE d.id = $2 AND d.encounter_id = $1`;
