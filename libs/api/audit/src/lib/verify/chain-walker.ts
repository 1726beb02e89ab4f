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
  /**
   * After a problem the link to the previous event cannot be trusted, so the
   * next event is checked against its own stored prev_hash: its content is
   * still verified, and one changed event does not make every later one look
   * changed too.
   */
  resync: boolean;
  gap: { from: number; to: number; atEventId: string } | null;
}

/** More than this many findings are counted, not listed. */
export const MAX_REPORTED_PROBLEMS = 100;

/**
 * Walks events in id order (ids are drawn under the stream lock, so within a
 * stream id order is chain order) keeping one small state per stream: memory
 * does not grow with the number of events. It recomputes every hash and
 * reports every problem it finds (up to MAX_REPORTED_PROBLEMS, earliest
 * first), each naming its event, so a later real tamper cannot hide behind an
 * earlier finding or a false alarm.
 */
export class ChainWalker {
  private readonly states = new Map<number, StreamState>();
  private readonly marks = new Map<number, StreamMark[]>();
  private readonly problems: AuditVerificationProblem[] = [];
  /** Findings beyond the cap: counted so the report says how many it left out. */
  omitted = 0;
  eventsChecked = 0;

  constructor(
    /** Chain heads as the database holds them (stream -> seq). */
    private readonly headSeq: ReadonlyMap<number, number>,
    marks: readonly StreamMark[],
    /** Where each stream continues after its archived months (retention); absent: from the genesis. */
    starts: ReadonlyMap<number, { readonly seq: number; readonly hash: string }> = new Map(),
  ) {
    for (const stream of headSeq.keys()) {
      const start = starts.get(stream);
      this.states.set(stream, { seq: start?.seq ?? 0, prev: start?.hash ?? GENESIS_HEX, resync: false, gap: null });
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
      // A hole: remembered (a later event may fill it: a reordering). This event's own hash covers
      // its position, which may be what moved, so checking resumes with the event after it.
      this.closeGap(stream, state);
      state.gap = { from: expected, to: seq - 1, atEventId: id };
      state.seq = seq;
      state.resync = true;
      return;
    }
    const prev = state.resync ? storedPrev.slice(2) : state.prev;
    const hashHex = createHash('sha256').update(prev, 'hex').update(canonical, 'utf8').digest('hex');
    state.seq = seq;
    state.resync = false;
    if (hashHex !== stored.slice(2)) {
      const reason =
        storedPrev.slice(2) === prev
          ? 'its content no longer matches its hash'
          : 'it no longer links to the event before it';
      this.report('CONTENT_CHANGED', id, stream, `event ${seq} of the stream was altered: ${reason}`);
      state.resync = true;
      return;
    }
    state.prev = hashHex;
    this.checkMarks(stream, seq, hashHex, id);
  }

  /**
   * Call after the last row: reports gaps never filled and streams shorter
   * than a head or checkpoint says. Returns every problem, earliest first.
   */
  finish(): AuditVerificationProblem[] {
    for (const [stream, state] of this.states) {
      this.closeGap(stream, state);
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
    return [...this.problems].sort((a, b) => (comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0));
  }

  private closeGap(stream: number, state: StreamState): void {
    if (!state.gap) return;
    const { from, to, atEventId } = state.gap;
    const which = from === to ? `event ${from}` : `events ${from}–${to}`;
    this.report('EVENT_REMOVED', atEventId, stream, `${which} of the stream are missing before this event`);
    state.gap = null;
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

  private report(kind: AuditTamperKind, eventId: string | null, stream: number | null, message: string): void {
    if (this.problems.length >= MAX_REPORTED_PROBLEMS) {
      this.omitted++;
      return;
    }
    this.problems.push({ kind, eventId, stream, checkpointId: null, message });
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
