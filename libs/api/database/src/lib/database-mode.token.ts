/** Injection token for 'embedded' | 'server', reported by the readiness check. */
export const DATABASE_MODE = Symbol('DATABASE_MODE');
