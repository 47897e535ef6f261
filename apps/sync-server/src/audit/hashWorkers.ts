import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * What each worker runs: SHA-256 of every message, compared with the hash recorded beside it; it answers the
 * positions that differ. Given as source text so it runs alike under tsx, plain node and a bundle.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
parentPort.on('message', ({ id, messages, expected }) => {
  const differing = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    if (message !== null && hash('sha256', message, 'hex') !== expected[i]) differing.push(i);
  }
  parentPort.postMessage({ id, differing });
});
`;

interface Answer {
  id: number;
  differing: number[];
}

/** For each message: whether it hashed to its expected hash; undefined where there was no message to hash. */
export type HashAnswers = (boolean | undefined)[];

/**
 * Threads that recompute chain hashes while the calling thread reads and links the entries: a verifier writes each
 * entry's text (tenantLinkMessage) and hands the hashing here, then walks the links with the answers as hashVerdicts.
 * One thread fewer than the machine has cores (at least one). Close it when done: live workers keep a process up.
 */
export class HashWorkers {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (differing: number[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(count = Math.max(1, availableParallelism() - 1)) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on('message', (answer: Answer) => this.settle(answer));
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

  /** Hashes `messages` on one of the workers; `expected[i]` is the hash recorded for `messages[i]` (null: none to hash). */
  check(messages: readonly (string | null)[], expected: readonly unknown[]): Promise<HashAnswers> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise<number[]>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, messages, expected });
    }).then((differing) => {
      const answers: HashAnswers = messages.map((message) => (message === null ? undefined : true));
      for (const index of differing) answers[index] = false;
      return answers;
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('The hash workers were closed'));
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(answer: Answer): void {
    this.waiting.get(answer.id)?.resolve(answer.differing);
    this.waiting.delete(answer.id);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}
