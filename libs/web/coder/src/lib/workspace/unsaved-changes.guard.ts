import type { CanDeactivateFn } from '@angular/router';

export interface LeavesSafely {
  /** True when leaving would lose codes that were not saved. */
  hasUnsavedChanges(): boolean;
  /** Gives the chart back (lease) once leaving is settled. */
  leave(): void;
}

/** Leaving with unsaved codes asks first; leaving at all gives the lease back. */
export const unsavedChangesGuard: CanDeactivateFn<LeavesSafely> = (page) => {
  if (page.hasUnsavedChanges() && !window.confirm('You have codes that are not saved. Leave this chart anyway?')) {
    return false;
  }
  page.leave();
  return true;
};
