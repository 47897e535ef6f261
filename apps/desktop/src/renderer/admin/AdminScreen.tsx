import { useRef, useState, type KeyboardEvent } from 'react';
import { adminTabs as defaultTabs, type AdminTab } from './adminTabs.tsx';

/**
 * Administration (administrators only): one tab per area, keyboard-friendly the WAI-ARIA way — arrow keys, Home and
 * End move between tabs, Tab goes into the open panel.
 */
export function AdminScreen({ tabs: adminTabs = defaultTabs }: { tabs?: readonly AdminTab[] }) {
  const [currentId, setCurrentId] = useState(adminTabs[0]!.id);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const current = adminTabs.find((tab) => tab.id === currentId) ?? adminTabs[0]!;

  const select = (index: number) => {
    const tab = adminTabs[(index + adminTabs.length) % adminTabs.length]!;
    setCurrentId(tab.id);
    tabRefs.current.get(tab.id)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = adminTabs.findIndex((tab) => tab.id === current.id);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: adminTabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title" className="screen-title">
        Administration
      </h1>
      <div role="tablist" aria-label="Administration" className="admin-tabs" onKeyDown={onKeyDown}>
        {adminTabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) tabRefs.current.set(tab.id, element);
              else tabRefs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`admin-tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`admin-panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            className="admin-tabs__tab"
            onClick={() => setCurrentId(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`admin-panel-${current.id}`} aria-labelledby={`admin-tab-${current.id}`} className="admin-panel">
        {current.panel()}
      </div>
    </section>
  );
}
