import { useEffect, useState } from 'react';
import { useHostAction } from '../api/useHostAction.ts';
import type { PrintableChartData } from './chartTypes.ts';
import { downloadFile } from './downloadFile.ts';

/**
 * Print and FHIR export of one chart. Each asks the host first, which records the print or export in the audit
 * trail before answering; only then does the page print, or offer the file. Ctrl+P (⌘P) prints this way too, in
 * place of the browser's own print.
 */
export function useChartOutput(patientId: string, enabled: boolean) {
  const [printable, setPrintable] = useState<PrintableChartData | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  const print = useHostAction((host) => host.chart.print.mutate({ patientId }));
  const exportFhir = useHostAction((host) => host.chart.exportFhir.mutate({ patientId }));

  const startPrint = async () => {
    setExported(null);
    const result = await print.run();
    if (result.ok) setPrintable(result.value);
  };

  const startExport = async () => {
    setExported(null);
    const result = await exportFhir.run();
    if (!result.ok) return;
    downloadFile(result.value.fileName, JSON.stringify(result.value.bundle, null, 2), 'application/fhir+json');
    setExported(result.value.fileName);
  };

  // The sheet is on the page once rendered: print it then.
  useEffect(() => {
    if (printable) window.print();
  }, [printable]);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      if (!print.busy) void startPrint();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  });

  return {
    printable,
    exported,
    print: startPrint,
    exportFhir: startExport,
    printing: print.busy,
    exporting: exportFhir.busy,
    problem: print.problem ?? exportFhir.problem,
  };
}
