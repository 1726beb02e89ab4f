import { ApiRecordsModule } from '@chartdesk/api-records';
import { Module } from '@nestjs/common';
import { AssignmentController } from './assignment/assignment.controller';
import { AssignmentService } from './assignment/assignment.service';
import { BoardService } from './assignment/board.service';
import { CodingController } from './coding/coding.controller';
import { CodingService } from './coding/coding.service';
import { ChartLeaseService } from './lease/chart-lease.service';
import { ProviderQueryController } from './queries/provider-query.controller';
import { ProviderQueryService } from './queries/provider-query.service';
import { QueueController } from './queue/queue.controller';
import { QueueService } from './queue/queue.service';
import { SupervisionController } from './supervision/supervision.controller';
import { SupervisionService } from './supervision/supervision.service';

/** Assignment, distribution, queues, chart leases, coding versions, submission and provider queries. */
@Module({
  imports: [ApiRecordsModule],
  controllers: [
    AssignmentController,
    QueueController,
    CodingController,
    ProviderQueryController,
    SupervisionController,
  ],
  providers: [
    ChartLeaseService,
    AssignmentService,
    BoardService,
    QueueService,
    CodingService,
    ProviderQueryService,
    SupervisionService,
  ],
  exports: [ApiRecordsModule, ChartLeaseService],
})
export class ApiWorklistModule {}
