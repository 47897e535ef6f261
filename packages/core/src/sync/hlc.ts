/**
 * Hybrid logical clock (Kulkarni et al., 2014). A timestamp is a string that sorts in causal order:
 * 15 digits of wall-clock milliseconds, 6 digits of counter, then the node id as a tie-break.
 */
export type Hlc = string;

export interface HlcParts {
  wallMs: number;
  counter: number;
  node: string;
}

const HLC_PATTERN = /^(\d{15}):(\d{6}):([A-Za-z0-9_-]{1,64})$/;
const MAX_COUNTER = 999_999;

export function formatHlc({ wallMs, counter, node }: HlcParts): Hlc {
  return `${String(wallMs).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${node}`;
}

export function parseHlc(value: string): HlcParts {
  const match = HLC_PATTERN.exec(value);
  if (!match) throw new Error('Not a hybrid logical clock timestamp');
  return { wallMs: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxHlc(a: Hlc | null | undefined, b: Hlc | null | undefined): Hlc | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return compareHlc(a, b) >= 0 ? a : b;
}

export class ClockDriftError extends Error {
  readonly driftMs: number;
  constructor(driftMs: number) {
    super(`Remote clock is ${Math.round(driftMs / 1000)} s ahead of this clock`);
    this.name = 'ClockDriftError';
    this.driftMs = driftMs;
  }
}

export interface HybridClockOptions {
  /** Remote timestamps further ahead than this are refused rather than adopted. */
  maxDriftMs?: number;
  now?: () => number;
}

export class HybridClock {
  private last: HlcParts;
  private readonly node: string;
  private readonly maxDriftMs: number;
  private readonly now: () => number;

  constructor(node: string, options: HybridClockOptions = {}) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(node)) throw new Error('HLC node id must be 1-64 letters, digits, _ or -');
    this.node = node;
    this.maxDriftMs = options.maxDriftMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    this.last = { wallMs: 0, counter: 0, node };
  }

  /** A timestamp for a local event, later than every timestamp this clock has issued or seen. */
  tick(): Hlc {
    const physical = this.now();
    if (physical > this.last.wallMs) {
      this.last = { wallMs: physical, counter: 0, node: this.node };
    } else {
      this.last = this.bump(this.last.wallMs, this.last.counter + 1);
    }
    return formatHlc(this.last);
  }

  /** Merge a remote timestamp so later local events sort after it; refuses one too far in the future. */
  receive(remote: Hlc): Hlc {
    const theirs = parseHlc(remote);
    const physical = this.now();
    const drift = theirs.wallMs - physical;
    if (drift > this.maxDriftMs) throw new ClockDriftError(drift);
    const wallMs = Math.max(physical, this.last.wallMs, theirs.wallMs);
    let counter = 0;
    if (wallMs === this.last.wallMs && wallMs === theirs.wallMs) counter = Math.max(this.last.counter, theirs.counter) + 1;
    else if (wallMs === this.last.wallMs) counter = this.last.counter + 1;
    else if (wallMs === theirs.wallMs) counter = theirs.counter + 1;
    this.last = this.bump(wallMs, counter);
    return formatHlc(this.last);
  }

  /** Resume after a restart without issuing timestamps older than ones already persisted. */
  observe(persisted: Hlc | null | undefined): void {
    if (!persisted) return;
    const parts = parseHlc(persisted);
    if (parts.wallMs > this.last.wallMs || (parts.wallMs === this.last.wallMs && parts.counter > this.last.counter)) {
      this.last = { wallMs: parts.wallMs, counter: parts.counter, node: this.node };
    }
  }

  private bump(wallMs: number, counter: number): HlcParts {
    if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node: this.node };
    return { wallMs, counter, node: this.node };
  }
}
