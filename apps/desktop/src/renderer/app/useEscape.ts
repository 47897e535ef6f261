import { useEffect, useEffectEvent } from 'react';

/**
 * Esc goes back or cancels. Ignored while a modal dialog is open (the dialog closes itself first) and when
 * another handler already used the key.
 */
export function useEscape(onEscape: (() => void) | null): void {
  const escape = useEffectEvent(() => onEscape?.());
  const enabled = onEscape !== null;

  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      escape();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [enabled]);
}
