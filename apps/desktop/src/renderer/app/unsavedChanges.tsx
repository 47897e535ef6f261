import { createContext, useContext, useEffect, useId, useMemo, useRef, type ReactNode } from 'react';

interface UnsavedChanges {
  report: (formId: string, dirty: boolean) => void;
}

const UnsavedChangesContext = createContext<UnsavedChanges | null>(null);

/** Tracks which forms hold typed, unsaved input, so leaving them asks first. */
export function useUnsavedChangesTracker() {
  const dirtyForms = useRef(new Set<string>());
  const value = useMemo<UnsavedChanges>(
    () => ({
      report: (formId, dirty) => {
        if (dirty) dirtyForms.current.add(formId);
        else dirtyForms.current.delete(formId);
      },
    }),
    [],
  );
  return { value, hasUnsaved: () => dirtyForms.current.size > 0 };
}

export function UnsavedChangesProvider({ value, children }: { value: UnsavedChanges; children: ReactNode }) {
  return <UnsavedChangesContext.Provider value={value}>{children}</UnsavedChangesContext.Provider>;
}

/** A form says whether it holds unsaved input; it stops counting when it goes away. */
export function useReportUnsaved(dirty: boolean): void {
  const formId = useId();
  const tracker = useContext(UnsavedChangesContext);
  useEffect(() => {
    tracker?.report(formId, dirty);
    return () => tracker?.report(formId, false);
  }, [tracker, formId, dirty]);
}
