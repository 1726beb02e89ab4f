import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import { type BreakGlassGrantView, RecordsPaths } from '@chartdesk/contracts';
import { Body, Controller, Header, Post } from '@nestjs/common';
import { BreakGlassService } from './break-glass.service';
import { BreakGlassDto } from './dto/break-glass.dto';
import { ChartScoped } from '../access/chart-scoped';

@Controller()
export class BreakGlassController {
  constructor(private readonly breakGlass: BreakGlassService) {}

  @Post(RecordsPaths.breakGlass)
  @ChartScoped()
  @RequirePermission('break-glass:request')
  @Header('cache-control', 'no-store')
  request(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Body() body: BreakGlassDto,
  ): Promise<BreakGlassGrantView> {
    return this.breakGlass.grant(actor, meta, body);
  }
}
