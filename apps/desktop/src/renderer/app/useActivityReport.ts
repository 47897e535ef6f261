import { useEffect } from 'react';
import { useHostContext } from '../api/HostContext.tsx';

/** At most one report per this long: enough to keep a 1-minute idle lock away, few enough to cost nothing. */
const REPORT_EVERY_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Tells the host the person is at the keyboard while a session is open, so the idle lock counts from their last
 * keystroke, click or scroll (background polling is not activity). Throttled; a failed report is harmless.
 */
export function useActivityReport(sessionOpen: boolean): void {
  const { host } = useHostContext();
  useEffect(() => {
    if (!sessionOpen) return;
    let lastReport = 0;
    const report = () => {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS) return;
      lastReport = now;
      host.session.activity.mutate().catch(() => {});
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, report, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, report, { capture: true });
    };
  }, [host, sessionOpen]);
}
