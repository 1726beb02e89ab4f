import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type ChartCodes,
  type ChartView,
  CodePaths,
  type CodeSearchResponse,
  type CodeSystem,
  type CreateQueryRequest,
  type DocumentView,
  type EditReferenceData,
  type LeaseView,
  type NextChartResponse,
  type ProviderQueryView,
  type QueueResponse,
  RecordsPaths,
  type SaveCodesResponse,
  type SubmitResponse,
  type WorkspaceView,
  WorklistPaths,
  apiUrl,
  worklistPath,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';

const chartUrl = (path: string, id: string) => apiUrl(worklistPath(path, { id }));

/** The coder's API calls; the auth interceptor adds the access token. */
@Injectable({ providedIn: 'root' })
export class CoderApiService {
  private readonly http = inject(HttpClient);

  queue(): Promise<QueueResponse> {
    return firstValueFrom(this.http.get<QueueResponse>(apiUrl(WorklistPaths.queue)));
  }

  next(): Promise<NextChartResponse> {
    return firstValueFrom(this.http.post<NextChartResponse>(apiUrl(WorklistPaths.next), {}));
  }

  openWorkspace(id: string): Promise<WorkspaceView> {
    return firstValueFrom(this.http.post<WorkspaceView>(chartUrl(WorklistPaths.workspace, id), {}));
  }

  chart(id: string): Promise<ChartView> {
    return firstValueFrom(this.http.get<ChartView>(apiUrl(worklistPath(RecordsPaths.chart, { id }))));
  }

  document(id: string, docId: string): Promise<DocumentView> {
    return firstValueFrom(
      this.http.get<DocumentView>(apiUrl(RecordsPaths.chartDocument.replace(':id', id).replace(':docId', docId))),
    );
  }

  heartbeat(id: string): Promise<LeaseView> {
    return firstValueFrom(this.http.put<LeaseView>(chartUrl(WorklistPaths.lease, id), {}));
  }

  release(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(chartUrl(WorklistPaths.lease, id)));
  }

  save(id: string, expectedVersion: number, codes: ChartCodes): Promise<SaveCodesResponse> {
    return firstValueFrom(
      this.http.put<SaveCodesResponse>(chartUrl(WorklistPaths.codes, id), { expectedVersion, ...codes }),
    );
  }

  submit(
    id: string,
    expectedVersion: number,
    codes: ChartCodes,
    acknowledgedWarnings: string[],
  ): Promise<SubmitResponse> {
    return firstValueFrom(
      this.http.post<SubmitResponse>(chartUrl(WorklistPaths.submit, id), {
        expectedVersion,
        ...codes,
        acknowledgedWarnings,
      }),
    );
  }

  editData(id: string, codes: { system: CodeSystem; code: string }[]): Promise<EditReferenceData> {
    return firstValueFrom(this.http.post<EditReferenceData>(chartUrl(WorklistPaths.editData, id), { codes }));
  }

  createQuery(id: string, request: CreateQueryRequest): Promise<ProviderQueryView> {
    return firstValueFrom(this.http.post<ProviderQueryView>(chartUrl(WorklistPaths.queries, id), request));
  }

  searchCodes(q: string, dos: string, system?: CodeSystem, offset = 0): Promise<CodeSearchResponse> {
    let params = new HttpParams().set('q', q).set('dos', dos).set('limit', '12').set('offset', String(offset));
    if (system) params = params.set('system', system);
    return firstValueFrom(this.http.get<CodeSearchResponse>(apiUrl(CodePaths.search), { params }));
  }
}
