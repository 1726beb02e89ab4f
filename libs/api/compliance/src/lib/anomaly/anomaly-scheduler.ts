import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IntegrityService } from '../integrity/integrity.service';
import { AnomalyDetector } from './anomaly-detector.service';

/**
 * Scheduled detection: a scan every ANOMALY_SCAN_INTERVAL_SECONDS, and a full
 * chain verification when the last is older than ANOMALY_CHAIN_VERIFY_HOURS.
 * The timer is unref'd, so it never keeps the process alive.
 */
@Injectable()
export class AnomalyScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Anomaly');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly detector: AnomalyDetector,
    private readonly integrity: IntegrityService,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.anomalyScanIntervalSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const result = await this.detector.scan();
      if (result.itemsCreated > 0) this.logger.log({ byRule: result.byRule }, 'anomaly scan opened review items');
      if (
        this.config.anomalyChainVerifyHours > 0 &&
        (await this.integrity.verificationDue(this.config.anomalyChainVerifyHours))
      ) {
        await this.integrity.verifyChain(null, null, () => undefined);
      }
    } catch (error) {
      // The next tick retries from the same watermark; nothing is lost.
      this.logger.error({ err: (error as Error)?.name }, 'anomaly scan failed');
    } finally {
      this.running = false;
    }
  }
}
