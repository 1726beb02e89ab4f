import { CHART_PART2_NOTICE } from '../records/chart-views';
import type { AuditCheckpointExport, AuditStreamHead } from '../audit/audit-verification';
import type { ComplianceReport } from './compliance-reports';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MANIFEST_FORMAT = 'chartdesk-export-manifest/1';

/** Response header on an export naming its manifest id. */
export const EXPORT_ID_HEADER = 'x-chartdesk-export-id';

/** The notice 42 CFR §2.32 requires on disclosures of Part 2 records: one text for charts and exports. */
export const PART2_NOTICE = CHART_PART2_NOTICE;

/** What the manifest says about the file; this part is signed (canonical JSON, keys in this order). */
export interface ExportManifestBody {
  readonly format: typeof EXPORT_MANIFEST_FORMAT;
  readonly exportId: string;
  readonly report: ComplianceReport;
  readonly fileFormat: ExportFormat;
  readonly filters: Readonly<Record<string, string>>;
  readonly createdAt: string;
  readonly exportedBy: string;
  /** Data rows (not the CSV header or notice lines). */
  readonly rowCount: number;
  readonly byteLength: number;
  /** Hex SHA-256 of the exact bytes of the file. */
  readonly sha256: string;
  readonly timeRange: { readonly from: string; readonly to: string };
  /** Newest and oldest event id in the file (null when empty). */
  readonly eventIdRange: { readonly first: string | null; readonly last: string | null };
  /** Every chain stream's head when the export started: the events in the file lie at or before these. */
  readonly chainPosition: readonly AuditStreamHead[];
  /** The newest signed audit checkpoint when the export started, null when none exists yet. */
  readonly checkpoint: Pick<AuditCheckpointExport, 'id' | 'createdAt' | 'eventCount' | 'keyId' | 'signature'> | null;
  readonly part2Notice: boolean;
}

export interface ExportManifest extends ExportManifestBody {
  /** Hex SHA-256 of the signing public key (the audit checkpoint key). */
  readonly keyId: string;
  readonly publicKey: string;
  /** Base64 Ed25519 signature over the canonical body. */
  readonly signature: string;
}

export const EXPORT_CHECKS = ['SIGNATURE', 'KEY', 'SHA256', 'BYTE_LENGTH', 'ROW_COUNT', 'KNOWN_EXPORT'] as const;
export type ExportCheck = (typeof EXPORT_CHECKS)[number];

export interface ExportVerification {
  readonly ok: boolean;
  readonly checks: readonly { readonly check: ExportCheck; readonly ok: boolean; readonly message: string }[];
}

/** POST /api/compliance/export-verifications — the browser hashes the file; the server checks the manifest. */
export interface ExportVerificationRequest {
  readonly manifest: ExportManifest;
  readonly sha256: string;
  readonly byteLength: number;
  readonly rowCount: number;
}

/** One line of the streamed chain verification (NDJSON). */
export type IntegrityProgressLine =
  | { readonly type: 'progress'; readonly eventsChecked: number }
  | {
      readonly type: 'result';
      readonly ok: boolean;
      readonly eventsChecked: number;
      readonly message: string;
      readonly reviewItemId: string | null;
    };
