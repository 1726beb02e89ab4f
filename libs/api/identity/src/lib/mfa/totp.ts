import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238: 30-second steps, 6 digits, SHA-1 (what every authenticator app supports). */
export const TOTP_PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  // 20 bytes (160 bits), the RFC 4226 recommendation.
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'ChartDesk', label: username, secret, period: TOTP_PERIOD_SECONDS });
}

export async function totpCodeAt(secret: string, epochSeconds: number): Promise<string> {
  return generate({ secret, epoch: epochSeconds, period: TOTP_PERIOD_SECONDS });
}

/**
 * Checks a code with ±1 step of tolerance and returns the step it matched, or
 * null. Codes at or before `afterStep` are refused: each code works once.
 */
export async function matchTotp(
  secret: string,
  code: string,
  epochSeconds: number,
  afterStep: number,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const currentStep = Math.floor(epochSeconds / TOTP_PERIOD_SECONDS);
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: epochSeconds,
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_PERIOD_SECONDS,
      // otplib refuses an afterTimeStep beyond its window; ours can only be that far if the clock moved back.
      ...(afterStep > 0 && afterStep <= currentStep + 1 ? { afterTimeStep: afterStep } : {}),
    });
    if (!result.valid || !('timeStep' in result)) return null;
    return result.timeStep > afterStep ? result.timeStep : null;
  } catch {
    return null;
  }
}
