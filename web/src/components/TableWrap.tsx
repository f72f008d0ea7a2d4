/**
 * A table that scrolls sideways on a narrow screen. The scrolling box takes keyboard focus, so
 * that it can be scrolled without a mouse, and is named after its table.
 */
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="group" aria-label={label}>
      {children}
    </div>
  );
}
