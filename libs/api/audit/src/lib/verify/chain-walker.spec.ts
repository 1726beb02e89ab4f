import { canonicalArrayText } from '../chain/canonical-event';
import { GENESIS_HASH, chainHash } from '../chain/chain-hash';
import { ChainWalker, type StreamMark, type VerifierRow } from './chain-walker';

interface Ev {
  id: number;
  stream: number;
  seq: number;
  text: string;
  prev: Buffer;
  hash: Buffer;
}

/** Builds valid chains: `plan` lists the stream of each event in id order. */
function chain(plan: number[]): Ev[] {
  const heads = new Map<number, { seq: number; hash: Buffer }>();
  return plan.map((stream, i) => {
    const head = heads.get(stream) ?? { seq: 0, hash: GENESIS_HASH };
    const seq = head.seq + 1;
    const text = canonicalArrayText([String(i + 1), String(stream), String(seq), 'CHART_VIEWED', `event ${i + 1}`]);
    const hash = chainHash(head.hash, text);
    heads.set(stream, { seq, hash });
    return { id: i + 1, stream, seq, text, prev: head.hash, hash };
  });
}

const row = (e: Ev): VerifierRow => [
  String(e.id),
  String(e.stream),
  String(e.seq),
  e.text,
  `\\x${e.prev.toString('hex')}`,
  `\\x${e.hash.toString('hex')}`,
];

function walk(events: Ev[], options: { heads?: Map<number, number>; marks?: StreamMark[] } = {}) {
  const heads = options.heads ?? new Map<number, number>();
  if (!options.heads) for (const e of events) heads.set(e.stream, Math.max(heads.get(e.stream) ?? 0, e.seq));
  const walker = new ChainWalker(heads, options.marks ?? []);
  for (const e of events) walker.step(row(e));
  const problems = walker.finish();
  return { problem: problems[0] ?? null, problems, checked: walker.eventsChecked };
}

const PLAN = [0, 1, 0, 0, 1, 2, 0, 1, 2, 0];

describe('ChainWalker', () => {
  it('accepts intact interleaved streams', () => {
    expect(walk(chain(PLAN))).toEqual({ problem: null, problems: [], checked: 10 });
  });

  it('names an event whose content changed', () => {
    const events = chain(PLAN);
    events[3] = { ...events[3], text: events[3].text.replace('event', 'EVENT') };
    expect(walk(events).problem).toMatchObject({ kind: 'CONTENT_CHANGED', eventId: '4', stream: 0 });
  });

  it('names an event whose stored hash was replaced', () => {
    const events = chain(PLAN);
    events[2] = { ...events[2], hash: Buffer.alloc(32, 7) };
    expect(walk(events).problem).toMatchObject({ kind: 'CONTENT_CHANGED', eventId: '3' });
  });

  it('names the event after a removed one', () => {
    const events = chain(PLAN).filter((e) => e.id !== 3);
    expect(
      walk(events, {
        heads: new Map([
          [0, 5],
          [1, 3],
          [2, 2],
        ]),
      }).problem,
    ).toMatchObject({
      kind: 'EVENT_REMOVED',
      eventId: '4',
    });
  });

  it('names events whose order was swapped', () => {
    const events = chain(PLAN);
    [events[2], events[3]] = [events[3], events[2]];
    expect(walk(events).problem).toMatchObject({ kind: 'EVENTS_REORDERED', stream: 0 });
  });

  it('names a foreign event: a second claim on a position, or an unknown stream', () => {
    const events = chain(PLAN);
    const forged = { ...events[2], id: 11 };
    expect(walk([...events, forged]).problem).toMatchObject({ kind: 'FOREIGN_EVENT', eventId: '11' });
    const stray = { ...events[0], id: 12, stream: 9 };
    expect(
      walk([...events, stray], {
        heads: new Map([
          [0, 5],
          [1, 3],
          [2, 2],
        ]),
      }).problem,
    ).toMatchObject({
      kind: 'FOREIGN_EVENT',
      eventId: '12',
    });
  });

  it('names a foreign event past the head', () => {
    const events = chain(PLAN);
    expect(
      walk(events, {
        heads: new Map([
          [0, 4],
          [1, 3],
          [2, 2],
        ]),
      }).problem,
    ).toMatchObject({
      kind: 'FOREIGN_EVENT',
      eventId: '10',
    });
  });

  it('reports a tail shorter than a signed checkpoint', () => {
    const events = chain(PLAN);
    const last = events[9];
    const mark: StreamMark = { stream: 0, seq: 5, hash: last.hash.toString('hex'), lastEventId: '10', source: 'cp' };
    const truncated = events.slice(0, 9);
    expect(
      walk(truncated, {
        heads: new Map([
          [0, 4],
          [1, 3],
          [2, 2],
        ]),
        marks: [mark],
      }).problem,
    ).toMatchObject({
      kind: 'TAIL_TRUNCATED',
      eventId: '10',
      stream: 0,
    });
    expect(walk(events, { marks: [mark] }).problem).toBeNull();
  });

  it('reports a chain that differs from a checkpoint at the checkpointed position', () => {
    const events = chain(PLAN);
    const mark: StreamMark = { stream: 1, seq: 2, hash: 'f'.repeat(64), lastEventId: '5', source: 'cp' };
    expect(walk(events, { marks: [mark] }).problem).toMatchObject({ kind: 'CONTENT_CHANGED', eventId: '5' });
  });

  it('reports the earliest event when several streams are broken', () => {
    const events = chain(PLAN);
    events[8] = { ...events[8], text: 'x' };
    events[4] = { ...events[4], text: 'y' };
    expect(walk(events).problem).toMatchObject({ eventId: '5' });
  });

  it('reports every problem, each named once: a changed event does not make the rest of its stream look changed', () => {
    const events = chain(PLAN);
    // Stream 0 holds events 1, 3, 4, 7, 10: change 3 (content) and 7 (stored hash); remove 9 from stream 2.
    events[2] = { ...events[2], text: 'changed' };
    events[6] = { ...events[6], hash: Buffer.alloc(32, 9) };
    const kept = events.filter((e) => e.id !== 9);
    const heads = new Map([
      [0, 5],
      [1, 3],
      [2, 2],
    ]);
    const mark: StreamMark = {
      stream: 2,
      seq: 2,
      hash: events[8].hash.toString('hex'),
      lastEventId: '9',
      source: 'cp',
    };
    const { problems } = walk(kept, { heads, marks: [mark] });
    expect(problems.map((p) => [p.kind, p.eventId])).toEqual([
      ['CONTENT_CHANGED', '3'],
      ['CONTENT_CHANGED', '7'],
      ['TAIL_TRUNCATED', '9'],
    ]);
  });

  it('still names a real tamper that follows a false alarm in the same stream', () => {
    const events = chain(PLAN);
    // A foreign row (the kind a session could once produce by pinning a stream) claims position 2 of stream 0 again...
    const foreign = { ...events[2], id: 11 };
    // ...and later a real edit of event 10.
    events[9] = { ...events[9], text: 'edited' };
    const { problems } = walk([...events, foreign]);
    expect(problems.map((p) => [p.kind, p.eventId])).toEqual([
      ['CONTENT_CHANGED', '10'],
      ['FOREIGN_EVENT', '11'],
    ]);
  });

  it('caps the list and counts what it left out', () => {
    const events = chain(Array.from({ length: 150 }, () => 0)).map((e) => ({ ...e, hash: Buffer.alloc(32, 1) }));
    const heads = new Map([[0, 150]]);
    const walker = new ChainWalker(heads, []);
    for (const e of events) walker.step(row(e));
    expect(walker.finish()).toHaveLength(100);
    expect(walker.omitted).toBe(50);
  });
});
