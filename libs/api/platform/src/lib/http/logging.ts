import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';

/**
 * Paths pino blanks before a line is written. Tokens and cookies, plus any
 * patient field that might reach a log object by mistake.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // Credentials and one-time codes, by the names the DTOs use.
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.adminPassword',
  '*.temporaryPassword',
  '*.code',
  '*.totpCode',
  '*.token',
  '*.refreshToken',
  '*.accessToken',
  '*.challengeToken',
  // Patient fields, by the names the records lib, its contracts and FHIR R4 use.
  '*.ssn',
  '*.ssnLast4',
  '*.mrn',
  '*.birthDate',
  '*.family',
  '*.given',
  '*.familyName',
  '*.givenName',
  '*.addressLine',
  '*.line',
  '*.postalCode',
  '*.telecom',
  '*.phone',
  '*.email',
  '*.memberId',
  '*.text',
];

/** The path without its query string: queries may carry search terms such as a patient's name. */
export function pathOnly(url: string | undefined): string {
  if (!url) return '';
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

export function loggerParams(config: AppConfig): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      genReqId: (req: IncomingMessage) => String((req as IncomingMessage & { id?: string }).id ?? ''),
      customProps: () => ({ service: 'chartdesk-api' }),
      serializers: {
        req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method, path: pathOnly(req.url) }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req: IncomingMessage) => pathOnly(req.url).startsWith('/api/health') },
    },
  };
}
