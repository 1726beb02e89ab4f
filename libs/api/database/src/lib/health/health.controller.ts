import { type HealthLive, type HealthReady, ApiPaths } from '@chartdesk/contracts';
import { APP_CONFIG, type AppConfig, Public } from '@chartdesk/api-platform';
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { DATABASE_MODE } from '../database-mode.token';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_MODE) private readonly mode: 'embedded' | 'server',
  ) {}

  @Public()
  @Get(ApiPaths.healthLive)
  live(): HealthLive {
    return { status: 'live' };
  }

  /** 200 when the database answers within a second, 503 otherwise. */
  @Public()
  @Get(ApiPaths.healthReady)
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReady> {
    const up = await this.ping();
    void reply.status(up ? 200 : 503).header('cache-control', 'no-store');
    return { status: up ? 'ready' : 'unavailable', version: this.config.version, database: { mode: this.mode, up } };
  }

  private async ping(): Promise<boolean> {
    const result = await this.db.pingCheck('database', { timeout: 1000 });
    return result['database']?.status === 'up';
  }
}
