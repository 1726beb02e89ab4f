import { type AnomalyRuleUpdate, REVIEW_SEVERITIES, type ReviewSeverity } from '@chartdesk/contracts';
import { IsBoolean, IsIn, IsObject } from 'class-validator';

export class RuleUpdateDto implements AnomalyRuleUpdate {
  @IsBoolean() readonly enabled!: boolean;
  @IsIn(REVIEW_SEVERITIES) readonly severity!: ReviewSeverity;
  /** Names and bounds are checked against the rule's own list (checkParams). */
  @IsObject() readonly params!: Record<string, number>;
}
