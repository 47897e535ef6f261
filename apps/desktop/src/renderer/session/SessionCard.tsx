import type { ReactNode } from 'react';

/** The centred card the unlock, setup and sign-in screens share. */
export function SessionCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="session">
      <div className="session__card">
        <p className="session__brand">EONPro Clinic</p>
        <h1 className="session__title">{title}</h1>
        {intro && <div className="session__intro">{intro}</div>}
        {children}
      </div>
    </main>
  );
}
