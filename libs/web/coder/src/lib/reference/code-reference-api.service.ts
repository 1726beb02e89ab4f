import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CodeReferenceResponse,
  CodePaths,
  type CodeSystem,
  type PcsBuilderResponse,
  apiUrl,
} from '@chartdesk/contracts';
import { firstValueFrom } from 'rxjs';

/** Code reference and PCS builder calls: reference data only, nothing about the patient goes out. */
@Injectable({ providedIn: 'root' })
export class CodeReferenceApiService {
  private readonly http = inject(HttpClient);

  reference(system: CodeSystem, code: string, dos: string): Promise<CodeReferenceResponse> {
    const url = apiUrl(`${CodePaths.reference}/${system}/${encodeURIComponent(code)}`);
    return firstValueFrom(this.http.get<CodeReferenceResponse>(url, { params: new HttpParams().set('dos', dos) }));
  }

  pcsBuilder(prefix: string, dos: string): Promise<PcsBuilderResponse> {
    const params = new HttpParams().set('prefix', prefix).set('dos', dos);
    return firstValueFrom(this.http.get<PcsBuilderResponse>(apiUrl(CodePaths.pcsBuilder), { params }));
  }
}
