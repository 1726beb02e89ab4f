import type { AnomalyRuleSetting, ShiftSchedule } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import { type Finding, MAX_EVIDENCE_EVENTS, type ScanWindow } from '../finding';
import { addressKey, nameKey, surnameFromDisplayName } from '../person-match';
import { localTime, withinSchedule } from '../shift-schedule';
import { type HourlyVolume, isVolumeSpike } from '../volume-spike';

/** Reads of a chart or its documents, and break-the-glass grants: "opened the record". */
const RECORD_ACCESS = `e.action IN ('CHART_VIEWED', 'DOCUMENT_VIEWED', 'BREAK_GLASS_GRANTED') AND e.outcome = 'success'`;

function param(s: AnomalyRuleSetting, name: string, fallback: number): number {
  const v = s.params[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Record access at times outside the user's shift schedule (with grace): one item per user and local day. */
export async function outsideShift(m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting): Promise<Finding[]> {
  const rows = (await m.query(
    `SELECT e.id::text AS id, e.recorded_at, e.actor_user_id, u.schedule
       FROM audit_event e JOIN identity_users u ON u.id = e.actor_user_id
      WHERE e.recorded_at >= $1 AND e.recorded_at < $2 AND ${RECORD_ACCESS} AND u.schedule IS NOT NULL
      ORDER BY e.recorded_at, e.id`,
    [w.from, w.to],
  )) as { id: string; recorded_at: Date; actor_user_id: string; schedule: ShiftSchedule }[];
  const grace = param(s, 'graceMinutes', 30);
  const groups = new Map<string, { userId: string; date: string; zone: string; ids: string[]; times: Date[] }>();
  for (const r of rows) {
    if (!Array.isArray(r.schedule.weeklyHours) || withinSchedule(r.schedule, r.recorded_at, grace)) continue;
    const date = localTime(r.recorded_at, r.schedule.timeZone).date;
    const key = `${r.actor_user_id}:${date}`;
    const g = groups.get(key) ?? { userId: r.actor_user_id, date, zone: r.schedule.timeZone, ids: [], times: [] };
    g.ids.push(r.id);
    g.times.push(r.recorded_at);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({
    rule: 'OUTSIDE_SHIFT',
    severity: s.severity,
    title: `Record access outside scheduled shift on ${g.date}`,
    dedupeKey: `OUTSIDE_SHIFT:${g.userId}:${g.date}`,
    userId: g.userId,
    patientId: null,
    evidence: {
      localDate: g.date,
      timeZone: g.zone,
      graceMinutes: grace,
      accesses: g.ids.length,
      firstAt: g.times[0]?.toISOString(),
      lastAt: g.times[g.times.length - 1]?.toISOString(),
      eventIds: g.ids.slice(0, MAX_EVIDENCE_EVENTS),
    },
  }));
}

/**
 * Charts opened per hour (every open counts, re-opens too) above N× the user's own average per active hour over
 * the baseline days before the window. Only whole hours are judged: the
 * current hour waits for the next scan (the dedupe key stops double items).
 */
export async function volumeSpike(m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting): Promise<Finding[]> {
  const baselineDays = param(s, 'baselineDays', 30);
  const rows = (await m.query(
    `WITH hours AS (
       SELECT e.actor_user_id, date_trunc('hour', e.recorded_at) AS hour, count(*)::int AS charts,
              (array_agg(e.id::text ORDER BY e.id))[1:${MAX_EVIDENCE_EVENTS}] AS ids
         FROM audit_event e
        WHERE e.recorded_at >= date_trunc('hour', $1::timestamptz) AND e.recorded_at < date_trunc('hour', $2::timestamptz)
          AND e.action = 'CHART_VIEWED' AND e.outcome = 'success' AND e.actor_user_id IS NOT NULL
        GROUP BY 1, 2)
     SELECT h.actor_user_id, h.hour, h.charts, h.ids,
            COALESCE((SELECT count(*)::float / NULLIF(count(DISTINCT date_trunc('hour', b.recorded_at)), 0)
                        FROM audit_event b
                       WHERE b.actor_user_id = h.actor_user_id AND b.action = 'CHART_VIEWED' AND b.outcome = 'success'
                         AND b.recorded_at >= h.hour - make_interval(days => $3) AND b.recorded_at < h.hour), 0)
              AS baseline
       FROM hours h`,
    [w.from, w.to, baselineDays],
  )) as { actor_user_id: string; hour: Date; charts: number; ids: string[]; baseline: number }[];
  const spikeParams = { factor: param(s, 'factor', 3), minChartsPerHour: param(s, 'minChartsPerHour', 10) };
  return rows
    .map((r): HourlyVolume & { ids: string[] } => ({
      userId: r.actor_user_id,
      hour: r.hour.toISOString(),
      charts: r.charts,
      baselinePerHour: Number(r.baseline),
      ids: r.ids,
    }))
    .filter((v) => isVolumeSpike(v, spikeParams))
    .map((v) => ({
      rule: 'VOLUME_SPIKE',
      severity: s.severity,
      title: `${v.charts} charts opened in one hour (baseline ${v.baselinePerHour.toFixed(1)}/h)`,
      dedupeKey: `VOLUME_SPIKE:${v.userId}:${v.hour}`,
      userId: v.userId,
      patientId: null,
      evidence: {
        hourStart: v.hour,
        chartsOpened: v.charts,
        baselinePerHour: Math.round(v.baselinePerHour * 100) / 100,
        baselineDays,
        ...spikeParams,
        eventIds: v.ids,
      },
    }));
}

/** Any record access to a VIP or employee-patient: one item per user, patient and day. */
export async function vipOrEmployee(m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting): Promise<Finding[]> {
  const rows = (await m.query(
    `SELECT e.actor_user_id, e.patient_id, (e.recorded_at AT TIME ZONE 'UTC')::date::text AS day,
            bool_or(p.is_vip) AS vip, bool_or(p.is_employee) AS employee, count(*)::int AS accesses,
            (array_agg(e.id::text ORDER BY e.id))[1:${MAX_EVIDENCE_EVENTS}] AS ids
       FROM audit_event e JOIN records_patients p ON p.id = e.patient_id
      WHERE e.recorded_at >= $1 AND e.recorded_at < $2 AND ${RECORD_ACCESS}
        AND e.actor_user_id IS NOT NULL AND (p.is_vip OR p.is_employee)
      GROUP BY 1, 2, 3`,
    [w.from, w.to],
  )) as {
    actor_user_id: string;
    patient_id: string;
    day: string;
    vip: boolean;
    employee: boolean;
    accesses: number;
    ids: string[];
  }[];
  return rows.map((r) => ({
    rule: 'VIP_OR_EMPLOYEE',
    severity: s.severity,
    title: `Access to a ${r.vip ? 'VIP' : 'employee'} patient's record`,
    dedupeKey: `VIP_OR_EMPLOYEE:${r.actor_user_id}:${r.patient_id}:${r.day}`,
    userId: r.actor_user_id,
    patientId: r.patient_id,
    evidence: { day: r.day, vip: r.vip, employee: r.employee, accesses: r.accesses, eventIds: r.ids },
  }));
}

/** Access to a patient who shares the user's surname or home address: once per user and patient. */
export async function sameSurnameOrAddress(m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting): Promise<Finding[]> {
  const rows = (await m.query(
    `SELECT e.actor_user_id, e.patient_id, u.display_name, wp.family_name AS user_family, wp.address_line AS user_address,
            wp.postal_code AS user_postal, p.family_name, p.address_line, p.postal_code, count(*)::int AS accesses,
            (array_agg(e.id::text ORDER BY e.id))[1:${MAX_EVIDENCE_EVENTS}] AS ids
       FROM audit_event e
       JOIN records_patients p ON p.id = e.patient_id
       JOIN identity_users u ON u.id = e.actor_user_id
       LEFT JOIN workforce_profile wp ON wp.user_id = u.id
      WHERE e.recorded_at >= $1 AND e.recorded_at < $2 AND ${RECORD_ACCESS}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    [w.from, w.to],
  )) as {
    actor_user_id: string;
    patient_id: string;
    display_name: string;
    user_family: string | null;
    user_address: string | null;
    user_postal: string | null;
    family_name: string;
    address_line: string | null;
    postal_code: string | null;
    accesses: number;
    ids: string[];
  }[];
  const findings: Finding[] = [];
  for (const r of rows) {
    const userSurname = nameKey(r.user_family ?? surnameFromDisplayName(r.display_name));
    const surname = userSurname.length > 0 && userSurname === nameKey(r.family_name);
    const userAddress = addressKey(r.user_address, r.user_postal);
    const address = userAddress !== null && userAddress === addressKey(r.address_line, r.postal_code);
    if (!surname && !address) continue;
    findings.push({
      rule: 'SAME_SURNAME_OR_ADDRESS',
      severity: s.severity,
      title: `Access to a patient who shares the user's ${[surname && 'surname', address && 'address'].filter(Boolean).join(' and ')}`,
      dedupeKey: `SAME_SURNAME_OR_ADDRESS:${r.actor_user_id}:${r.patient_id}`,
      userId: r.actor_user_id,
      patientId: r.patient_id,
      evidence: { sameSurname: surname, sameAddress: address, accesses: r.accesses, eventIds: r.ids },
    });
  }
  return findings;
}
