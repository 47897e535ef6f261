import type { SigningKeys } from '../auth/signingKeys.ts';
import type { Database } from '../db/database.ts';
import { describeError, type Logger } from '../logging/logger.ts';
import { checkpointTenant } from './checkpointTenant.ts';

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 10 * 60_000;

export interface CheckpointSchedule {
  /** Checkpoints every tenant whose chain moved; what the timer runs. */
  runOnce(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** Signs a checkpoint for every tenant whose audit chain moved, every `intervalMs`. */
export function scheduleCheckpoints(deps: { db: Database; keys: SigningKeys; log: Logger }, intervalMs = DEFAULT_CHECKPOINT_INTERVAL_MS): CheckpointSchedule {
  let running: Promise<void> | null = null;

  async function checkpointAll(): Promise<void> {
    const tenants = await deps.db.query<{ id: string }>('select id from tenants order by id');
    for (const { id } of tenants) {
      try {
        const checkpoint = await checkpointTenant(deps, id, null);
        if (checkpoint) deps.log.info({ tenantId: id, seq: checkpoint.seq }, 'audit checkpoint signed');
      } catch (error) {
        deps.log.error({ tenantId: id, err: describeError(error) }, 'audit checkpoint failed');
      }
    }
  }

  function runOnce(): Promise<void> {
    running ??= checkpointAll().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    runOnce().catch((error: unknown) => deps.log.error({ err: describeError(error) }, 'audit checkpoints failed'));
  }, intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
