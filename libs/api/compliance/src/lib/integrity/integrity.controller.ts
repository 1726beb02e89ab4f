import { PassThrough } from 'node:stream';
import {
  type Actor,
  CurrentActor,
  DomainError,
  ReqMeta,
  type RequestMeta,
  RequirePermission,
} from '@chartdesk/api-platform';
import { type AuditCheckpointExport, CompliancePaths } from '@chartdesk/contracts';
import { Controller, Get, Header, Logger, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { IntegrityService } from './integrity.service';

@Controller()
export class IntegrityController {
  private readonly logger = new Logger('Integrity');

  constructor(private readonly integrity: IntegrityService) {}

  /** Streams NDJSON progress lines while the verifier walks the chain; the last line is the result. */
  @Post(CompliancePaths.integrityVerify)
  @RequirePermission('audit:verify')
  async verify(@CurrentActor() actor: Actor, @ReqMeta() meta: RequestMeta, @Res() reply: FastifyReply): Promise<void> {
    const out = new PassThrough();
    const sent = reply
      .code(200)
      .header('cache-control', 'no-store')
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .send(out);
    this.integrity
      .verifyChain(actor, meta, (line) => out.write(`${JSON.stringify(line)}\n`))
      .catch((error: unknown) => {
        this.logger.error({ err: (error as Error)?.name }, 'chain verification could not run');
        out.write(
          `${JSON.stringify({ type: 'result', ok: false, eventsChecked: 0, message: 'Verification could not run.', reviewItemId: null })}\n`,
        );
      })
      .finally(() => out.end());
    await sent;
  }

  @Get(CompliancePaths.integrityCheckpoint)
  @RequirePermission('audit:verify')
  @Header('cache-control', 'no-store')
  async checkpoint(): Promise<AuditCheckpointExport> {
    const latest = await this.integrity.latestCheckpoint();
    if (!latest) throw new DomainError('NOT_FOUND', 'No audit checkpoint has been taken yet.');
    return latest;
  }
}
