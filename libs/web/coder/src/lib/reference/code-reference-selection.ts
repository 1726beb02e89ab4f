import { Injectable, signal } from '@angular/core';
import type { CodeSystem } from '@chartdesk/contracts';

export interface ReferenceTarget {
  readonly system: CodeSystem;
  readonly code: string;
}

/**
 * Which code the reference panel shows: the search result under the cursor
 * or the arrow keys, or the coded line hovered or focused. One per workspace.
 */
@Injectable()
export class CodeReferenceSelection {
  readonly target = signal<ReferenceTarget | null>(null);

  show(system: CodeSystem, code: string): void {
    const current = this.target();
    if (current?.system === system && current.code === code) return;
    this.target.set({ system, code });
  }
}
