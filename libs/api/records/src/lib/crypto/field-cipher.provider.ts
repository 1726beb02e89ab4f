import { APP_CONFIG, type AppConfig } from '@chartdesk/api-platform';
import { Inject, Injectable } from '@nestjs/common';
import { FieldCipher } from './field-cipher';
import { loadRecordsKey } from './records-key';

/** The app's one FieldCipher, keyed once at boot. */
@Injectable()
export class FieldCipherProvider {
  readonly cipher: FieldCipher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cipher = new FieldCipher(loadRecordsKey(config));
  }
}
