/** When to warn before an idle sign-out: two minutes (13 of 15), or a quarter of shorter limits. */
export function idleWarningSeconds(idleSeconds: number): number {
  return Math.min(120, Math.floor(idleSeconds / 4));
}

export type IdleState =
  | { readonly kind: 'active' }
  | { readonly kind: 'warning'; readonly secondsLeft: number }
  | { readonly kind: 'expired' };

export function idleState(idleForMs: number, idleSeconds: number): IdleState {
  const idleFor = idleForMs / 1000;
  if (idleFor >= idleSeconds) return { kind: 'expired' };
  if (idleFor >= idleSeconds - idleWarningSeconds(idleSeconds)) {
    return { kind: 'warning', secondsLeft: Math.ceil(idleSeconds - idleFor) };
  }
  return { kind: 'active' };
}
