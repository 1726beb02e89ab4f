/**
 * Everything one encounter needs in one round trip. Parameters: $1 date of
 * service, $2 provider types (preferred first), $3 the encounter's codes,
 * $4/$5 (system, prefix) keys of every code, $6 diagnosis prefixes, $7
 * procedure codes, $8 modifiers on the claim.
 */
export const LOAD_SQL = `
  WITH ev AS (
    SELECT DISTINCT ON (kind) id, kind, source_name, release, lists FROM edit_data_version
     WHERE replaced_by IS NULL AND effective_from <= $1::date AND (effective_to IS NULL OR effective_to >= $1::date)
       AND (kind NOT IN ('NCCI_PTP', 'MUE', 'NCCI_ADDON') OR provider_type = ANY($2::text[]))
     ORDER BY kind, provider_type = ($2::text[])[1] DESC, effective_from DESC
  ),
  tr AS (
    SELECT id, source_name, release FROM code_reference_release
     WHERE kind = 'ICD10CM_TABULAR' AND effective_from <= $1::date AND (effective_to IS NULL OR effective_to >= $1::date)
     ORDER BY effective_from DESC LIMIT 1
  ),
  keys AS (SELECT * FROM unnest($4::text[], $5::text[]) AS k(system, prefix)),
  mv AS (
    SELECT v.id, v.system, v.release FROM code_set_version v
     WHERE v.system IN ('HCPCS', 'CPT') AND v.replaced_by IS NULL AND v.effective_from <= $1::date
       AND (v.effective_to IS NULL OR v.effective_to >= $1::date)
       AND EXISTS (SELECT 1 FROM code_modifier m WHERE m.version_id = v.id)
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_object('system', system, 'release', release,
              'effectiveFrom', effective_from, 'effectiveTo', effective_to)), '[]')
       FROM code_set_version WHERE replaced_by IS NULL) AS code_sets,
    (SELECT coalesce(json_agg(json_build_object('system', v.system, 'code', c.code, 'release', v.release,
              'billable', c.billable, 'terminatedOn', c.terminated_on)), '[]')
       FROM code c JOIN code_set_version v ON v.id = c.version_id
      WHERE c.code = ANY($3::text[]) AND v.replaced_by IS NULL) AS codes,
    (SELECT coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'name', source_name, 'release', release,
              'lists', lists)), '[]') FROM ev) AS versions,
    (SELECT coalesce(json_agg(json_build_object('versionId', e.version_id, 'system', e.system, 'codePrefix', e.code_prefix,
              'list', e.list, 'value', e.value, 'basis', e.basis, 'evidence', e.evidence)), '[]')
       FROM ev JOIN edit_list_entry e ON e.version_id = ev.id
       JOIN keys ON e.system = keys.system AND e.code_prefix = keys.prefix) AS lists,
    (SELECT json_build_object('name', source_name, 'release', release) FROM tr) AS tabular,
    (SELECT coalesce(json_agg(json_build_object('kind', n.kind, 'codePrefix', n.node_id, 'otherPrefix', r.ref,
              'note', n.text)), '[]')
       FROM tr JOIN code_tabular_note n ON n.release_id = tr.id
       CROSS JOIN LATERAL unnest(n.ref_codes) AS r(ref)
      WHERE n.node_id = ANY($6::text[]) AND n.kind IN ('EXCLUDES1', 'CODE_FIRST', 'USE_ADDITIONAL')
        AND r.ref = ANY($6::text[])) AS notes,
    (SELECT coalesce(json_agg(json_build_object('codePrefix', x.code_prefix, 'excludedPrefix', x.excluded_prefix)), '[]')
       FROM excludes1_pair x JOIN ev ON ev.id = x.version_id AND ev.kind = 'EXCLUDES1'
      WHERE x.code_prefix = ANY($6::text[]) AND x.excluded_prefix = ANY($6::text[])) AS excludes,
    (SELECT coalesce(json_agg(json_build_object('column1', p.column1, 'column2', p.column2, 'effectiveFrom', p.effective_from,
              'effectiveTo', p.effective_to, 'modifierIndicator', p.modifier_indicator)), '[]')
       FROM ncci_ptp_edit p JOIN ev ON ev.id = p.version_id AND ev.kind = 'NCCI_PTP'
      WHERE p.column1 = ANY($7::text[]) AND p.column2 = ANY($7::text[])) AS ptp,
    (SELECT coalesce(json_agg(json_build_object('code', m.code, 'maxUnits', m.max_units,
              'adjudicationIndicator', m.adjudication_indicator, 'rationale', m.rationale)), '[]')
       FROM mue_limit m JOIN ev ON ev.id = m.version_id AND ev.kind = 'MUE'
      WHERE m.code = ANY($7::text[])) AS mue,
    (SELECT coalesce(json_agg(json_build_object('addOn', a.addon_code, 'primary', nullif(a.primary_code, ''),
              'editType', a.edit_type)), '[]')
       FROM ncci_addon_edit a JOIN ev ON ev.id = a.version_id AND ev.kind = 'NCCI_ADDON'
      WHERE a.addon_code = ANY($7::text[]) AND a.effective_from <= $1::date
        AND (a.effective_to IS NULL OR a.effective_to >= $1::date)) AS addons,
    (SELECT coalesce(json_agg(json_build_object('system', mv.system, 'release', mv.release, 'modifiers',
              (SELECT coalesce(json_agg(json_build_object('modifier', m.modifier, 'terminatedOn', m.terminated_on)), '[]')
                 FROM code_modifier m WHERE m.version_id = mv.id AND m.modifier = ANY($8::text[])))), '[]')
       FROM mv) AS modifier_tables`;
