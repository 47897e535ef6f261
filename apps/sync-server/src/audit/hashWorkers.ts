import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** One link to check: SHA-256(prevHash || text) must be `expected`, the hash recorded for it. */
export interface HashItem {
  prevHash: string;
  text: string;
  expected: unknown;
}

/** For each item: whether it hashed to its expected hash; undefined where there was no item to hash. */
export type HashAnswers = (boolean | undefined)[];

/** Per item, in the shared `state` array: what to do (set here), then what came of it (set by the worker). */
const NOTHING = 0;
const TO_HASH = 1;
const DIFFERS = 2;
const HOLDS = 3;

/**
 * What each worker runs. The texts arrive as UTF-8 bytes in shared memory, the expected hashes as their 64 characters
 * (UTF-8 too), so nothing is copied on the way; each link is one native hash of a byte range, and its digest is held
 * against the expected characters as lower-case hex, exactly as the chain compares hashes. Given as source text so it
 * runs alike under tsx, plain node and a bundle.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
const HEX = Buffer.from('0123456789abcdef', 'latin1');
function sameHex(digest, expected, at) {
  for (let j = 0; j < 32; j++) {
    if (expected[at + 2 * j] !== HEX[digest[j] >> 4] || expected[at + 2 * j + 1] !== HEX[digest[j] & 15]) return false;
  }
  return true;
}
parentPort.on('message', ({ id, count, offsets, expected, state, text }) => {
  const starts = new Int32Array(offsets);
  const hashes = new Uint8Array(expected);
  const states = new Uint8Array(state);
  const bytes = Buffer.from(text);
  for (let i = 0; i < count; i++) {
    if (states[i] !== ${TO_HASH}) continue;
    const digest = hash('sha256', bytes.subarray(starts[i], starts[i + 1]), 'buffer');
    states[i] = sameHex(digest, hashes, i * 64) ? ${HOLDS} : ${DIFFERS};
  }
  parentPort.postMessage(id);
});
`;

const HEX_DIGEST_LENGTH = 64;
/** Room for a job's texts to start with; a job that needs more gets a larger buffer. */
const TEXT_BUFFER_BYTES = 4 * 1024 * 1024;
/** The most bytes a UTF-16 code unit takes in UTF-8. */
const MAX_UTF8_BYTES_PER_UNIT = 3;

interface Job {
  count: number;
  state: Uint8Array;
  text: SharedArrayBuffer;
  resolve: (answers: HashAnswers) => void;
  reject: (error: Error) => void;
}

/**
 * Threads that recompute chain hashes while the calling thread reads and links the entries: a verifier writes each
 * entry's text and hands the hashing here, then walks the links with the answers as hashVerdicts. One thread fewer
 * than the machine has cores (at least one). Close it when done: live workers keep a process up.
 */
export class HashWorkers {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Job>();
  private readonly spareTextBuffers: SharedArrayBuffer[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  constructor(count = Math.max(1, availableParallelism() - 1)) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on('message', (id: number) => this.settle(id));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`A hash worker stopped with exit code ${code}`));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /** Hashes the items on one of the workers. An expected hash that is not 64 characters long differs unhashed. */
  check(items: readonly (HashItem | null)[]): Promise<HashAnswers> {
    if (this.failure) return Promise.reject(this.failure);
    const count = items.length;
    const offsets = new SharedArrayBuffer((count + 1) * Int32Array.BYTES_PER_ELEMENT);
    const expected = new SharedArrayBuffer(count * HEX_DIGEST_LENGTH);
    const state = new Uint8Array(new SharedArrayBuffer(count));
    const starts = new Int32Array(offsets);
    const hashes = Buffer.from(expected);
    let text = this.textBuffer(TEXT_BUFFER_BYTES);
    let bytes = Buffer.from(text);
    let end = 0;
    for (let i = 0; i < count; i++) {
      starts[i] = end;
      const item = items[i];
      if (!item) continue;
      if (typeof item.expected !== 'string' || item.expected.length !== HEX_DIGEST_LENGTH) {
        state[i] = DIFFERS;
        continue;
      }
      const room = (item.prevHash.length + item.text.length) * MAX_UTF8_BYTES_PER_UNIT;
      if (end + room > bytes.length) {
        const larger = this.textBuffer(Math.max(2 * bytes.length, end + room));
        Buffer.from(larger).set(bytes.subarray(0, end));
        this.spareTextBuffers.push(text);
        text = larger;
        bytes = Buffer.from(text);
      }
      end += bytes.write(item.prevHash, end);
      end += bytes.write(item.text, end);
      // A character outside ASCII takes more than one byte, and its first byte is no hex digit: it can never match.
      hashes.write(item.expected, i * HEX_DIGEST_LENGTH, HEX_DIGEST_LENGTH);
      state[i] = TO_HASH;
    }
    starts[count] = end;

    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise<HashAnswers>((resolve, reject) => {
      this.waiting.set(id, { count, state, text, resolve, reject });
      worker.postMessage({ id, count, offsets, expected, state: state.buffer, text });
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('The hash workers were closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** A spare text buffer of at least `bytes`, or a new one. */
  private textBuffer(bytes: number): SharedArrayBuffer {
    const index = this.spareTextBuffers.findIndex((buffer) => buffer.byteLength >= bytes);
    if (index >= 0) return this.spareTextBuffers.splice(index, 1)[0]!;
    return new SharedArrayBuffer(bytes);
  }

  private settle(id: number): void {
    const job = this.waiting.get(id);
    if (!job) return;
    this.waiting.delete(id);
    this.spareTextBuffers.push(job.text);
    const answers: HashAnswers = new Array<boolean | undefined>(job.count);
    for (let i = 0; i < job.count; i++) answers[i] = job.state[i] === NOTHING ? undefined : job.state[i] === HOLDS;
    job.resolve(answers);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const job of this.waiting.values()) job.reject(error);
    this.waiting.clear();
  }
}
