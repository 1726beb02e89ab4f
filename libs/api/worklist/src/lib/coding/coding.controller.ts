import { ChartScoped } from '@chartdesk/api-records';
import { type Actor, CurrentActor, ReqMeta, type RequestMeta, RequirePermission } from '@chartdesk/api-platform';
import {
  type EditReferenceData,
  type LeaseView,
  type SaveCodesResponse,
  type SubmitResponse,
  type WorkspaceView,
  WorklistPaths,
} from '@chartdesk/contracts';
import { Body, Controller, Delete, Header, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { CodingService } from './coding.service';
import { EditDataDto, SaveCodesDto, SubmitDto } from './dto/codes.dto';

/** The coder's actions on one assigned chart. Access is the service's (policy's) job. */
@Controller()
export class CodingController {
  constructor(private readonly coding: CodingService) {}

  @Post(WorklistPaths.workspace)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('chart:code')
  @Header('cache-control', 'no-store')
  open(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<WorkspaceView> {
    return this.coding.openWorkspace(actor, meta, id);
  }

  @Put(WorklistPaths.lease)
  @ChartScoped()
  @RequirePermission('chart:code')
  heartbeat(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LeaseView> {
    return this.coding.heartbeat(actor, meta, id);
  }

  @Delete(WorklistPaths.lease)
  @ChartScoped()
  @HttpCode(204)
  @RequirePermission('chart:code')
  release(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.coding.release(actor, meta, id);
  }

  @Post(WorklistPaths.editData)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('chart:code')
  @Header('cache-control', 'no-store')
  editData(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: EditDataDto,
  ): Promise<EditReferenceData> {
    return this.coding.editData(actor, meta, id, body);
  }

  @Put(WorklistPaths.codes)
  @ChartScoped()
  @RequirePermission('chart:code')
  save(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SaveCodesDto,
  ): Promise<SaveCodesResponse> {
    return this.coding.save(actor, meta, id, body);
  }

  @Post(WorklistPaths.submit)
  @ChartScoped()
  @HttpCode(200)
  @RequirePermission('chart:submit')
  submit(
    @CurrentActor() actor: Actor,
    @ReqMeta() meta: RequestMeta,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitDto,
  ): Promise<SubmitResponse> {
    return this.coding.submit(actor, meta, id, body);
  }
}
