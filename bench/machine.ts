import { arch, availableParallelism, cpus, platform, release, totalmem } from 'node:os';

/** The machine a benchmark ran on, printed beside its figures: they mean little without it. */
export function describeMachine(): string {
  const model = cpus()[0]?.model.trim() || 'unknown CPU';
  const memoryGiB = Math.round(totalmem() / 2 ** 30);
  return `${availableParallelism()} cores (${model}), ${memoryGiB} GiB RAM, ${platform()} ${release()} ${arch()}, Node ${process.version}`;
}
