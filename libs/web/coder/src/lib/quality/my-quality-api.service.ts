import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CoderScorecard,
  type FindingResponseRequest,
  QualityPaths,
  type ReviewListResponse,
  type ReviewWorksheet,
  apiUrl,
  qualityPath,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';

/** The coder's own reviews and scorecard; the auth interceptor adds the access token. */
@Injectable({ providedIn: 'root' })
export class MyQualityApiService {
  private readonly http = inject(HttpClient);

  reviews(): Promise<ReviewListResponse> {
    return firstValueFrom(this.http.get<ReviewListResponse>(apiUrl(QualityPaths.myReviews)));
  }

  review(id: string): Promise<ReviewWorksheet> {
    return firstValueFrom(this.http.get<ReviewWorksheet>(apiUrl(qualityPath(QualityPaths.myReview, { id }))));
  }

  respond(id: string, findingId: string, request: FindingResponseRequest): Promise<ReviewWorksheet> {
    return firstValueFrom(
      this.http.post<ReviewWorksheet>(apiUrl(qualityPath(QualityPaths.findingResponse, { id, findingId })), request),
    );
  }

  scorecard(): Promise<CoderScorecard> {
    return firstValueFrom(this.http.get<CoderScorecard>(apiUrl(QualityPaths.myScorecard)));
  }
}
