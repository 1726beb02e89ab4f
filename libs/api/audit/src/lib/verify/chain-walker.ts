import { createHash } from 'node:crypto';
import type { AuditTamperKind, AuditVerificationProblem } from '@chartdesk/contracts';
import { GENESIS_HASH } from '../chain/chain-hash';

const GENESIS_HEX = GENESIS_HASH.toString('hex');

/**
 * One event row as the verifier reads it: id, stream, seq, the canonical text
 * of the event as stored now, prev_hash and hash as `\x…` hex.
 */
export type VerifierRow = readonly [string, string, string, string, string, string];

/** What a stream looks like at a point the walker must check (a chain head or a signed checkpoint). */
export interface StreamMark {
  readonly stream: number;
  readonly seq: number;
  readonly hash: string;
  readonly lastEventId: string | null;
  /** e.g. 'the chain head', 'checkpoint 12', 'the checkpoint file'. */
  readonly source: string;
}

interface StreamState {
  seq: number;
  /** Hex of the last good hash: hashing hex input directly saves a Buffer and a conversion per event. */
  prev: string;
  broken: boolean;
  gap: { from: number; to: number; atEventId: string } | null;
}

/**
 * Walks events in id order (ids are drawn under the stream lock, so within a
 * stream id order is chain order) keeping one small state per stream: memory
 * does not grow with the number of events. It recomputes every hash and
 * remembers the earliest problem; once a stream is broken it only watches for
 * the missing events that would make a gap a reordering.
 */
export class ChainWalker {
  private readonly states = new Map<number, StreamState>();
  private readonly marks = new Map<number, StreamMark[]>();
  private problem: AuditVerificationProblem | null = null;
  eventsChecked = 0;

  constructor(
    /** Chain heads as the database holds them (stream -> seq). */
    private readonly headSeq: ReadonlyMap<number, number>,
    marks: readonly StreamMark[],
  ) {
    for (const stream of headSeq.keys()) {
      this.states.set(stream, { seq: 0, prev: GENESIS_HEX, broken: false, gap: null });
    }
    for (const mark of marks) {
      const list = this.marks.get(mark.stream) ?? [];
      list.push(mark);
      this.marks.set(mark.stream, list);
    }
  }

  step(row: VerifierRow): void {
    this.eventsChecked++;
    const [id, streamText, seqText, canonical, storedPrev, stored] = row;
    const stream = Number(streamText);
    const seq = Number(seqText);
    const state = this.states.get(stream);
    if (state === undefined || !Number.isInteger(seq) || seq < 1) {
      this.report('FOREIGN_EVENT', id, Number.isInteger(stream) ? stream : null, 'event is in no known chain stream');
      return;
    }
    if (seq > (this.headSeq.get(stream) ?? 0)) {
      this.report('FOREIGN_EVENT', id, stream, `event claims position ${seq}, beyond the stream's head`);
      state.broken = true;
      return;
    }
    const expected = state.seq + 1;
    if (seq < expected) {
      const gap = state.gap;
      if (gap && seq >= gap.from && seq <= gap.to) {
        this.report('EVENTS_REORDERED', gap.atEventId, stream, `event ${seq} of the stream appears after later events`);
        state.gap = null;
      } else {
        this.report('FOREIGN_EVENT', id, stream, `a second event claims position ${seq} of the stream`);
      }
      return;
    }
    if (seq > expected) {
      if (!state.broken) state.gap = { from: expected, to: seq - 1, atEventId: id };
      this.breakStream(state, seq);
      return;
    }
    if (state.broken) {
      this.breakStream(state, seq);
      return;
    }
    const hashHex = createHash('sha256').update(state.prev, 'hex').update(canonical, 'utf8').digest('hex');
    if (hashHex !== stored.slice(2)) {
      const reason =
        storedPrev.slice(2) === state.prev
          ? 'its content no longer matches its hash'
          : 'it no longer links to the event before it';
      this.report('CONTENT_CHANGED', id, stream, `event ${seq} of the stream was altered: ${reason}`);
      this.breakStream(state, seq);
      return;
    }
    state.seq = seq;
    state.prev = hashHex;
    this.checkMarks(stream, seq, hashHex, id);
  }

  /** Call after the last row: reports gaps never filled and streams shorter than a head or checkpoint says. */
  finish(): AuditVerificationProblem | null {
    for (const [stream, state] of this.states) {
      if (state.gap) {
        const { from, to, atEventId } = state.gap;
        const which = from === to ? `event ${from}` : `events ${from}–${to}`;
        this.report('EVENT_REMOVED', atEventId, stream, `${which} of the stream are missing before this event`);
      }
      if (state.broken) continue;
      for (const mark of this.marks.get(stream) ?? []) {
        if (state.seq < mark.seq) {
          this.report(
            'TAIL_TRUNCATED',
            mark.lastEventId,
            stream,
            `the stream ends at event ${state.seq} but ${mark.source} vouched for ${mark.seq}`,
          );
        }
      }
    }
    return this.problem;
  }

  private checkMarks(stream: number, seq: number, hashHex: string, id: string): void {
    const marks = this.marks.get(stream);
    if (!marks) return;
    for (const mark of marks) {
      if (mark.seq === seq && mark.hash !== hashHex) {
        this.report(
          'CONTENT_CHANGED',
          id,
          stream,
          `the chain up to this event differs from ${mark.source}: it was rewritten`,
        );
      }
    }
  }

  /** Stops checking a stream after its first problem, but keeps following positions to classify gaps. */
  private breakStream(state: StreamState, seq: number): void {
    state.broken = true;
    state.seq = Math.max(state.seq, seq);
  }

  /** Keeps the problem that comes first: event problems by id, then truncations, then the rest. */
  private report(kind: AuditTamperKind, eventId: string | null, stream: number | null, message: string): void {
    const candidate: AuditVerificationProblem = { kind, eventId, stream, checkpointId: null, message };
    if (this.problem === null || comesBefore(candidate, this.problem)) this.problem = candidate;
  }
}

function rank(p: AuditVerificationProblem): number {
  if (p.kind === 'TAIL_TRUNCATED') return 1;
  return p.eventId === null ? 2 : 0;
}

function comesBefore(a: AuditVerificationProblem, b: AuditVerificationProblem): boolean {
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  if (rank(a) !== 0 || a.eventId === null || b.eventId === null) return false;
  return a.eventId.length !== b.eventId.length ? a.eventId.length < b.eventId.length : a.eventId < b.eventId;
}
