import { AuditService } from '@chartdesk/api-audit';
import { APP_CONFIG, type Actor, type AppConfig, type RequestMeta } from '@chartdesk/api-platform';
import type { AnomalyRule, AnomalyRuleSetting, AnomalyScanResult } from '@chartdesk/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Finding, ScanWindow } from './finding';
import { FindingsWriter } from './findings.writer';
import { RuleSettingsService } from './rule-settings.service';
import { outsideShift, sameSurnameOrAddress, vipOrEmployee, volumeSpike } from './rules/access-rules';
import { breakGlass, repeatedDenials } from './rules/denial-and-glass-rules';
import { privilegedRoleGrant, repeatedStepUpFailures } from './rules/security-rules';

type RuleFn = (m: EntityManager, w: ScanWindow, s: AnomalyRuleSetting) => Promise<Finding[]>;

/** The rules a scan runs over new audit events (chain verification is run by IntegrityService). */
const SCAN_RULES: Readonly<Partial<Record<AnomalyRule, RuleFn>>> = {
  OUTSIDE_SHIFT: outsideShift,
  VOLUME_SPIKE: volumeSpike,
  REPEATED_DENIALS: repeatedDenials,
  VIP_OR_EMPLOYEE: vipOrEmployee,
  SAME_SURNAME_OR_ADDRESS: sameSurnameOrAddress,
  BREAK_GLASS: breakGlass,
  REPEATED_STEP_UP_FAILURES: repeatedStepUpFailures,
  PRIVILEGED_ROLE_GRANT: privilegedRoleGrant,
};

/** On the very first scan, look back this far (the demo's history and the volume baseline). */
const FIRST_SCAN_LOOKBACK_MS = 45 * 86_400_000;

/**
 * Runs the enabled rules over the audit events recorded since the last scan.
 * The watermark row is locked for the scan, so two instances never scan the
 * same window at once; items are unique per finding, so a rerun is harmless.
 */
@Injectable()
export class AnomalyDetector {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: RuleSettingsService,
    private readonly writer: FindingsWriter,
    private readonly audit: AuditService,
  ) {}

  /** A scan started by a compliance officer; audited with what it found. */
  async scanNow(actor: Actor, meta: RequestMeta): Promise<AnomalyScanResult> {
    const result = await this.scan();
    await this.audit.recordStandalone({
      action: 'REPORT_RUN',
      outcome: 'success',
      actor,
      meta,
      resourceType: 'AnomalyScan',
      details: { report: 'anomaly-scan', ...result },
    });
    return result;
  }

  scan(now = new Date()): Promise<AnomalyScanResult> {
    const to = new Date(now.getTime() - this.config.anomalyScanSettleSeconds * 1000);
    return this.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO anomaly_scan_state (id, scanned_to) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [
        new Date(to.getTime() - FIRST_SCAN_LOOKBACK_MS),
      ]);
      const [state] = (await m.query('SELECT scanned_to FROM anomaly_scan_state WHERE id = 1 FOR UPDATE')) as {
        scanned_to: Date;
      }[];
      const window = { from: state?.scanned_to ?? to, to };
      const byRule: Partial<Record<AnomalyRule, number>> = {};
      let itemsCreated = 0;
      if (window.to.getTime() > window.from.getTime()) {
        for (const setting of await this.settings.all(m)) {
          const rule = SCAN_RULES[setting.rule];
          if (!rule || !setting.enabled) continue;
          const created = await this.writer.write(m, await rule(m, window, setting));
          byRule[setting.rule] = created;
          itemsCreated += created;
        }
        await m.query('UPDATE anomaly_scan_state SET scanned_to = $1, last_run_at = now() WHERE id = 1', [window.to]);
      }
      return {
        scannedFrom: window.from.toISOString(),
        scannedTo: window.to.toISOString(),
        itemsCreated,
        byRule,
      };
    });
  }
}
