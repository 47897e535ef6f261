import { useEffect, type KeyboardEvent, type ReactNode } from 'react';
import { optionId, type ListNavigation } from './useListNavigation.ts';

export interface ResultListProps<T> {
  label: string;
  navigation: ListNavigation<T>;
  getKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
}

/**
 * A listbox of results: arrow keys, Home/End and Enter when it has focus (or from a search box that
 * shares its navigation); a click chooses too. The active option stays scrolled into view.
 */
export function ResultList<T>({ label, navigation, getKey, renderItem }: ResultListProps<T>) {
  const { listId, items, activeIndex, setActiveIndex, activeDescendantId, onKeyDown, choose } = navigation;

  useEffect(() => {
    if (activeIndex < 0) return;
    document.getElementById(optionId(listId, activeIndex))?.scrollIntoView?.({ block: 'nearest' });
  }, [listId, activeIndex]);

  const onListKeyDown = (event: KeyboardEvent) => {
    if (items.length > 0 && (event.key === 'Home' || event.key === 'End')) {
      event.preventDefault();
      setActiveIndex(event.key === 'Home' ? 0 : items.length - 1);
      return;
    }
    onKeyDown(event);
  };

  return (
    <ul
      id={listId}
      role="listbox"
      aria-label={label}
      tabIndex={items.length > 0 ? 0 : -1}
      aria-activedescendant={activeDescendantId}
      className="ui-results"
      onKeyDown={onListKeyDown}
      onFocus={() => {
        if (activeIndex < 0 && items.length > 0) setActiveIndex(0);
      }}
    >
      {items.map((item, index) => (
        <li
          key={getKey(item)}
          id={optionId(listId, index)}
          role="option"
          aria-selected={index === activeIndex}
          className={['ui-results__option', index === activeIndex ? 'ui-results__option--active' : ''].filter(Boolean).join(' ')}
          onMouseMove={() => {
            if (index !== activeIndex) setActiveIndex(index);
          }}
          onClick={() => choose(item)}
        >
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
