import { useState, type KeyboardEvent } from 'react';

export interface ListNavigation<T> {
  listId: string;
  items: readonly T[];
  /** -1 when no item is active. */
  activeIndex: number;
  setActiveIndex: (index: number) => void;
  /** For aria-activedescendant on whatever holds focus (the list, or a search box controlling it). */
  activeDescendantId: string | undefined;
  /** Arrow keys move the active item, Enter chooses it. Attach to the list and to a search box that controls it. */
  onKeyDown: (event: KeyboardEvent) => void;
  choose: (item: T) => void;
}

export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

/**
 * Keyboard movement through a list of results. The active item resets whenever a new items array
 * arrives (e.g. new search results), so Enter never opens a result the person did not see highlighted.
 */
export function useListNavigation<T>(listId: string, items: readonly T[], onChoose: (item: T) => void): ListNavigation<T> {
  const [state, setState] = useState<{ items: readonly T[]; index: number }>({ items, index: -1 });
  const activeIndex = state.items === items && state.index < items.length ? state.index : -1;
  const setActiveIndex = (index: number) => setState({ items, index });

  const onKeyDown = (event: KeyboardEvent) => {
    if (items.length === 0) return;
    const last = items.length - 1;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActiveIndex(activeIndex < 0 ? 0 : Math.min(last, activeIndex + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveIndex(activeIndex < 0 ? last : Math.max(0, activeIndex - 1));
    } else if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      onChoose(items[activeIndex]!);
    }
  };

  return {
    listId,
    items,
    activeIndex,
    setActiveIndex,
    activeDescendantId: activeIndex >= 0 ? optionId(listId, activeIndex) : undefined,
    onKeyDown,
    choose: onChoose,
  };
}
