import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AnomalyRule,
  type AnomalyRuleSetting,
  type AnomalyRuleUpdate,
  type AnomalyScanResult,
  type AuditCheckpointExport,
  type ComplianceDashboard,
  type ComplianceReport,
  CompliancePaths,
  EXPORT_ID_HEADER,
  type ExportFormat,
  type ExportManifest,
  type ExportVerification,
  type ExportVerificationRequest,
  type InvestigationView,
  type OpenInvestigationRequest,
  type PatientSearchHit,
  RecordsPaths,
  type ReportPage,
  type ReportQuery,
  type ReviewItemChange,
  type ReviewItemDetail,
  type ReviewItemPage,
  type ReviewItemQuery,
  type UserSearchHit,
  apiUrl,
  compliancePath,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';

function params(query: object): HttpParams {
  let p = new HttpParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') p = p.set(k, String(v));
  }
  return p;
}

/** The compliance API as promises; the auth interceptor adds the token. */
@Injectable({ providedIn: 'root' })
export class ComplianceApi {
  private readonly http = inject(HttpClient);

  dashboard(): Promise<ComplianceDashboard> {
    return firstValueFrom(this.http.get<ComplianceDashboard>(apiUrl(CompliancePaths.dashboard)));
  }

  searchPatients(q: string): Promise<PatientSearchHit[]> {
    return firstValueFrom(
      this.http.get<PatientSearchHit[]>(apiUrl(CompliancePaths.patientSearch), { params: params({ q }) }),
    );
  }

  searchUsers(q: string): Promise<UserSearchHit[]> {
    return firstValueFrom(
      this.http.get<UserSearchHit[]>(apiUrl(CompliancePaths.userSearch), { params: params({ q }) }),
    );
  }

  report(report: ComplianceReport, query: ReportQuery): Promise<ReportPage> {
    return firstValueFrom(
      this.http.get<ReportPage>(apiUrl(compliancePath(CompliancePaths.report, { report })), { params: params(query) }),
    );
  }

  /** The file and its signed manifest, fetched one after the other (the manifest is stored as the file ends). */
  async export(
    report: ComplianceReport,
    format: ExportFormat,
    query: ReportQuery,
  ): Promise<{ file: Blob; manifest: ExportManifest; filename: string }> {
    const { cursor: _c, limit: _l, ...filters } = query;
    const res: HttpResponse<Blob> = await firstValueFrom(
      this.http.get(apiUrl(compliancePath(CompliancePaths.export, { report })), {
        params: params({ ...filters, format }),
        responseType: 'blob',
        observe: 'response',
      }),
    );
    const id = res.headers.get(EXPORT_ID_HEADER) ?? '';
    const manifest = await firstValueFrom(
      this.http.get<ExportManifest>(apiUrl(compliancePath(CompliancePaths.exportManifest, { id }))),
    );
    const stamp = manifest.createdAt.slice(0, 19).replace(/[-:]/g, '');
    return { file: res.body ?? new Blob(), manifest, filename: `chartdesk-${report}-${stamp}.${format}` };
  }

  /** Clinical content needs an investigation: a reason, a time limit, an audit event (records lib). */
  openInvestigation(request: OpenInvestigationRequest): Promise<InvestigationView> {
    return firstValueFrom(this.http.post<InvestigationView>(apiUrl(RecordsPaths.investigations), request));
  }

  reviewItems(query: ReviewItemQuery): Promise<ReviewItemPage> {
    return firstValueFrom(
      this.http.get<ReviewItemPage>(apiUrl(CompliancePaths.reviewItems), { params: params(query) }),
    );
  }

  reviewItem(id: string): Promise<ReviewItemDetail> {
    return firstValueFrom(this.http.get<ReviewItemDetail>(apiUrl(compliancePath(CompliancePaths.reviewItem, { id }))));
  }

  changeReviewItem(id: string, change: ReviewItemChange): Promise<ReviewItemDetail> {
    return firstValueFrom(
      this.http.patch<ReviewItemDetail>(apiUrl(compliancePath(CompliancePaths.reviewItem, { id })), change),
    );
  }

  addNote(id: string, text: string): Promise<ReviewItemDetail> {
    return firstValueFrom(
      this.http.post<ReviewItemDetail>(apiUrl(compliancePath(CompliancePaths.reviewItemNotes, { id })), { text }),
    );
  }

  anomalyRules(): Promise<AnomalyRuleSetting[]> {
    return firstValueFrom(this.http.get<AnomalyRuleSetting[]>(apiUrl(CompliancePaths.anomalyRules)));
  }

  updateAnomalyRule(rule: AnomalyRule, update: AnomalyRuleUpdate): Promise<AnomalyRuleSetting> {
    return firstValueFrom(
      this.http.put<AnomalyRuleSetting>(apiUrl(compliancePath(CompliancePaths.anomalyRule, { rule })), update),
    );
  }

  scanNow(): Promise<AnomalyScanResult> {
    return firstValueFrom(this.http.post<AnomalyScanResult>(apiUrl(CompliancePaths.anomalyScans), {}));
  }

  latestCheckpoint(): Promise<AuditCheckpointExport> {
    return firstValueFrom(this.http.get<AuditCheckpointExport>(apiUrl(CompliancePaths.integrityCheckpoint)));
  }

  verifyExport(request: ExportVerificationRequest): Promise<ExportVerification> {
    return firstValueFrom(this.http.post<ExportVerification>(apiUrl(CompliancePaths.exportVerify), request));
  }
}
