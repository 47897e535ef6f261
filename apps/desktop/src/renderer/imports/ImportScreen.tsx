import { useState } from 'react';
import { Button, ProgressBar } from '@eonpro/ui';
import { ImportResults } from './ImportResults.tsx';
import type { ImportRun } from './useImportRun.ts';

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function ImportScreen({ run, onFindPatient }: { run: ImportRun; onFindPatient: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const { progress } = run;
  const totals = progress.summaries.reduce(
    (sum, s) => ({ imported: sum.imported + s.patientsImported, present: sum.present + s.patientsAlreadyPresent, rejected: sum.rejected + (s.ok ? 0 : 1) }),
    { imported: 0, present: 0, rejected: 0 },
  );
  const finished = !progress.running && progress.total > 0;

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title" className="screen-title">
        Import FHIR bundles
      </h1>
      <p className="screen-intro">
        Choose one or more FHIR R4 bundle files (.json). Each file is imported completely or not at all: a file with any invalid record is
        rejected with the exact problems listed. Patients imported before are recognised and not duplicated.
      </p>
      <form
        className="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run.start(files);
        }}
      >
        <div className="ui-field">
          <label className="ui-field__label" htmlFor="import-files">
            FHIR bundle files
          </label>
          <input
            id="import-files"
            className="ui-input ui-input--file"
            type="file"
            multiple
            accept=".json,application/json,application/fhir+json"
            disabled={progress.running}
            onChange={(event) => setFiles([...(event.target.files ?? [])])}
          />
          <p className="ui-field__hint">
            {files.length === 0
              ? 'No files chosen.'
              : `${files.length} ${files.length === 1 ? 'file' : 'files'} chosen (${sizeText(files.reduce((sum, f) => sum + f.size, 0))}).`}
          </p>
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" disabled={files.length === 0} busy={progress.running} busyLabel="Importing…">
            {files.length > 1 ? `Import ${files.length} files` : 'Import'}
          </Button>
          {progress.running && (
            <Button onClick={run.stop} disabled={progress.stopping}>
              {progress.stopping ? 'Stopping after this file…' : 'Stop after this file'}
            </Button>
          )}
        </div>
      </form>

      {(progress.running || finished) && (
        <div className="import-progress">
          <ProgressBar
            label={progress.running ? 'Importing' : 'Import finished'}
            value={progress.done}
            max={progress.total}
            valueText={
              progress.running ? `File ${Math.min(progress.done + 1, progress.total)} of ${progress.total}` : `${progress.done} of ${progress.total} files done`
            }
          />
          <p className="import-progress__counts" role="status">
            {progress.currentFile && <>Now importing {progress.currentFile}. </>}
            Patients imported{progress.running ? ' so far' : ''}: {totals.imported} · already present: {totals.present}
            {totals.rejected > 0 && <> · files rejected: {totals.rejected}</>}
          </p>
        </div>
      )}

      {progress.summaries.length > 0 && <ImportResults summaries={progress.summaries} notAttempted={progress.notAttempted} />}
      {finished && totals.imported > 0 && (
        <Button onClick={onFindPatient}>Find an imported patient</Button>
      )}
    </section>
  );
}
