import { useRef, useState } from 'react';
import type { ImportSummary } from '@eonpro/core';
import { useHostContext } from '../api/HostContext.tsx';
import { isSessionLost, toHostProblem } from '../api/hostProblem.ts';
import { readBundleFile, refusedSummary } from './readBundleFile.ts';

export interface ImportProgress {
  running: boolean;
  total: number;
  /** Files finished so far (imported or refused). */
  done: number;
  currentFile: string | null;
  summaries: ImportSummary[];
  /** Files not attempted because the person stopped the run or the session ended. */
  notAttempted: string[];
  stopping: boolean;
}

const idle: ImportProgress = { running: false, total: 0, done: 0, currentFile: null, summaries: [], notAttempted: [], stopping: false };

/**
 * Sends the chosen files to the host one at a time (each file is imported whole or not at all) and keeps
 * the progress and results. It lives in the main layout, so going to another screen mid-run loses nothing.
 */
export function useImportRun() {
  const { host, onSessionLost } = useHostContext();
  const [progress, setProgress] = useState<ImportProgress>(idle);
  const stopRequested = useRef(false);

  const start = async (files: readonly File[]) => {
    if (progress.running || files.length === 0) return;
    stopRequested.current = false;
    setProgress({ ...idle, running: true, total: files.length });
    for (const [index, file] of files.entries()) {
      if (stopRequested.current) {
        const rest = files.slice(index).map((f) => f.name);
        setProgress((p) => ({ ...p, notAttempted: rest }));
        break;
      }
      setProgress((p) => ({ ...p, currentFile: file.name }));
      const summary = await importOne(file);
      setProgress((p) => ({ ...p, done: p.done + 1, summaries: [...p.summaries, summary] }));
    }
    setProgress((p) => ({ ...p, running: false, currentFile: null, stopping: false }));
  };

  const importOne = async (file: File): Promise<ImportSummary> => {
    const read = await readBundleFile(file);
    if (!read.ok) return read.summary;
    try {
      return await host.imports.bundle.mutate({ fileName: read.fileName, bundle: read.bundle });
    } catch (error) {
      const problem = toHostProblem(error);
      if (isSessionLost(problem)) {
        stopRequested.current = true;
        onSessionLost();
      }
      return refusedSummary(file.name, problem.message, problem.issues);
    }
  };

  const stop = () => {
    stopRequested.current = true;
    setProgress((p) => ({ ...p, stopping: true }));
  };

  return { progress, start, stop };
}

export type ImportRun = ReturnType<typeof useImportRun>;
