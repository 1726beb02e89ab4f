import type { ProviderQueryView, QueryIndicator } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';

interface QueryRow {
  id: string;
  status: 'OPEN' | 'ANSWERED';
  attending: string;
  indicators: QueryIndicator[];
  question: string;
  options: string[];
  created_at: Date;
  answer_option: string | null;
  answer_text: string | null;
  answered_at: Date | null;
}

export async function queriesOfChart(m: EntityManager, encounterId: string): Promise<ProviderQueryView[]> {
  const rows = (await m.query(
    `SELECT id, status, attending, indicators, question, options, created_at, answer_option, answer_text, answered_at
       FROM provider_query WHERE encounter_id = $1 ORDER BY created_at DESC`,
    [encounterId],
  )) as QueryRow[];
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    attending: r.attending,
    indicators: r.indicators,
    question: r.question,
    options: r.options,
    createdAt: r.created_at.toISOString(),
    answerOption: r.answer_option,
    answerText: r.answer_text,
    answeredAt: r.answered_at ? r.answered_at.toISOString() : null,
  }));
}

/** The reason of the latest return, shown to the coder while the chart is being reworked. */
export async function latestReturnReason(m: EntityManager, encounterId: string): Promise<string | null> {
  const [row] = (await m.query(
    'SELECT reason FROM chart_return WHERE encounter_id = $1 ORDER BY returned_at DESC LIMIT 1',
    [encounterId],
  )) as { reason: string }[];
  return row?.reason ?? null;
}
