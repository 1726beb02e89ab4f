import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/route-metadata';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DomainError } from '../errors/domain-error';
import { AppMetrics } from './app-metrics';

function sameToken(presented: string, expected: string): boolean {
  // Hash both so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/**
 * `GET /api/metrics` for the monitoring system. Not a user route (a scraper
 * cannot do TOTP), so not under the session guards: it answers only to
 * `Authorization: Bearer <METRICS_TOKEN>`, and does not exist (404) while no
 * token is configured. It carries no patient data, user names or ids.
 */
// Listed in the OpenAPI document like every route, so the fuzz tier reaches it too.
@ApiTags('operations')
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: AppMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @ApiOperation({ summary: 'Prometheus metrics; answers only to Authorization: Bearer <METRICS_TOKEN>' })
  @Get('metrics')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = this.config.metricsToken;
    if (!token) throw new DomainError('NOT_FOUND', 'Not found.');
    const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!sameToken(presented, token)) {
      throw new DomainError('UNAUTHENTICATED', 'The metrics endpoint needs the monitoring token.');
    }
    void reply.header('content-type', this.metrics.registry.contentType).header('cache-control', 'no-store');
    return this.metrics.registry.metrics();
  }
}
