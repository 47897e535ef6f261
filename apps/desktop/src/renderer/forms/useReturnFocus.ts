import { useEffect, useRef, type RefObject } from 'react';

/** When an inline form closes (saved or cancelled), put focus back on the control that opened it. */
export function useReturnFocus(open: boolean, opener: RefObject<HTMLElement | null>): void {
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open, opener]);
}
