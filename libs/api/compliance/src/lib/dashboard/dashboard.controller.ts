import { RequirePermission } from '@chartdesk/api-platform';
import { type ComplianceDashboard, CompliancePaths } from '@chartdesk/contracts';
import { Controller, Get, Header } from '@nestjs/common';
import { DashboardService } from './dashboard.service';

@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get(CompliancePaths.dashboard)
  @RequirePermission('compliance:review')
  @Header('cache-control', 'no-store')
  get(): Promise<ComplianceDashboard> {
    return this.dashboard.get();
  }
}
