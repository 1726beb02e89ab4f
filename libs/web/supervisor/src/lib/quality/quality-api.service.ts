import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type ChartCodes,
  type CloseReviewRequest,
  type CoderScorecard,
  type FindingDecisionRequest,
  QualityPaths,
  type ReviewListResponse,
  type ReviewWorksheet,
  type SamplingRulesResponse,
  type SamplingRunView,
  type SendFindingsRequest,
  type SetSamplingRuleRequest,
  type TeamDashboard,
  apiUrl,
  qualityPath,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';

/** The supervisor's quality calls; the auth interceptor adds the access token. */
@Injectable({ providedIn: 'root' })
export class QualityApiService {
  private readonly http = inject(HttpClient);

  reviews(status: 'OPEN' | 'CLOSED' | 'ALL'): Promise<ReviewListResponse> {
    const params = new HttpParams().set('status', status);
    return firstValueFrom(this.http.get<ReviewListResponse>(apiUrl(QualityPaths.reviews), { params }));
  }

  rules(): Promise<SamplingRulesResponse> {
    return firstValueFrom(this.http.get<SamplingRulesResponse>(apiUrl(QualityPaths.samplingRules)));
  }

  setRule(request: SetSamplingRuleRequest): Promise<SamplingRulesResponse> {
    return firstValueFrom(this.http.put<SamplingRulesResponse>(apiUrl(QualityPaths.samplingRules), request));
  }

  runSampling(from?: string, to?: string): Promise<SamplingRunView> {
    return firstValueFrom(this.http.post<SamplingRunView>(apiUrl(QualityPaths.samplingRuns), { from, to }));
  }

  worksheet(id: string): Promise<ReviewWorksheet> {
    return firstValueFrom(this.http.get<ReviewWorksheet>(apiUrl(qualityPath(QualityPaths.review, { id }))));
  }

  saveCorrection(id: string, expectedVersion: number, codes: ChartCodes): Promise<ReviewWorksheet> {
    return firstValueFrom(
      this.http.put<ReviewWorksheet>(apiUrl(qualityPath(QualityPaths.reviewCorrection, { id })), {
        expectedVersion,
        ...codes,
      }),
    );
  }

  send(id: string, request: SendFindingsRequest): Promise<ReviewWorksheet> {
    return firstValueFrom(
      this.http.post<ReviewWorksheet>(apiUrl(qualityPath(QualityPaths.reviewSend, { id })), request),
    );
  }

  decide(id: string, findingId: string, request: FindingDecisionRequest): Promise<ReviewWorksheet> {
    return firstValueFrom(
      this.http.post<ReviewWorksheet>(apiUrl(qualityPath(QualityPaths.findingDecision, { id, findingId })), request),
    );
  }

  close(id: string, request: CloseReviewRequest): Promise<ReviewWorksheet> {
    return firstValueFrom(
      this.http.post<ReviewWorksheet>(apiUrl(qualityPath(QualityPaths.reviewClose, { id })), request),
    );
  }

  retrospective(encounterId: string): Promise<ReviewWorksheet> {
    return firstValueFrom(this.http.post<ReviewWorksheet>(apiUrl(QualityPaths.retrospective), { encounterId }));
  }

  dashboard(): Promise<TeamDashboard> {
    return firstValueFrom(this.http.get<TeamDashboard>(apiUrl(QualityPaths.teamDashboard)));
  }

  coderScorecard(id: string): Promise<CoderScorecard> {
    return firstValueFrom(this.http.get<CoderScorecard>(apiUrl(qualityPath(QualityPaths.coderScorecard, { id }))));
  }

  /** The CSV as text; the page turns it into a download without putting anything in a URL. */
  scorecardsCsv(): Promise<string> {
    return firstValueFrom(this.http.get(apiUrl(QualityPaths.teamScorecardCsv), { responseType: 'text' }));
  }
}
