import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AnswerQueryRequest,
  type AssignmentResponse,
  type AssignRequest,
  type BoardQuery,
  type BoardResponse,
  type DistributeRequest,
  type OpenQueryEntry,
  type TeamWorklistSettings,
  type TransitionResponse,
  WorklistPaths,
  apiUrl,
  worklistPath,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';

/** The supervisor's worklist calls; the auth interceptor adds the access token. */
@Injectable({ providedIn: 'root' })
export class SupervisorApiService {
  private readonly http = inject(HttpClient);

  board(query: BoardQuery): Promise<BoardResponse> {
    let params = new HttpParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params = params.set(k, String(v));
    return firstValueFrom(this.http.get<BoardResponse>(apiUrl(WorklistPaths.board), { params }));
  }

  assign(request: AssignRequest): Promise<AssignmentResponse> {
    return firstValueFrom(this.http.post<AssignmentResponse>(apiUrl(WorklistPaths.assignments), request));
  }

  unassign(encounterIds: string[]): Promise<AssignmentResponse> {
    return firstValueFrom(this.http.post<AssignmentResponse>(apiUrl(WorklistPaths.unassignments), { encounterIds }));
  }

  distribute(request: DistributeRequest): Promise<AssignmentResponse> {
    return firstValueFrom(this.http.post<AssignmentResponse>(apiUrl(WorklistPaths.distribute), request));
  }

  saveSettings(settings: TeamWorklistSettings): Promise<TeamWorklistSettings> {
    return firstValueFrom(this.http.put<TeamWorklistSettings>(apiUrl(WorklistPaths.teamSettings), settings));
  }

  openQueries(): Promise<OpenQueryEntry[]> {
    return firstValueFrom(this.http.get<OpenQueryEntry[]>(apiUrl(WorklistPaths.openQueries)));
  }

  answerQuery(queryId: string, answer: AnswerQueryRequest): Promise<TransitionResponse> {
    return firstValueFrom(
      this.http.post<TransitionResponse>(apiUrl(worklistPath(WorklistPaths.answerQuery, { queryId })), answer),
    );
  }

  breakLease(id: string): Promise<void> {
    return firstValueFrom(this.http.post<void>(apiUrl(worklistPath(WorklistPaths.breakLease, { id })), {}));
  }

  returnChart(id: string, reason: string): Promise<TransitionResponse> {
    return firstValueFrom(
      this.http.post<TransitionResponse>(apiUrl(worklistPath(WorklistPaths.returnChart, { id })), { reason }),
    );
  }

  complete(id: string): Promise<TransitionResponse> {
    return firstValueFrom(this.http.post<TransitionResponse>(apiUrl(worklistPath(WorklistPaths.complete, { id })), {}));
  }
}
