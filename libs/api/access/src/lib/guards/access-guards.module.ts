import { IdentityModule } from '@chartdesk/api-identity';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './jwt-auth.guard';
import { PermissionGuard } from './permission.guard';

/**
 * Deny by default for the whole app: authentication first, then permission.
 * Global guards run in the order they are provided here.
 */
@Module({
  imports: [IdentityModule],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
})
export class AccessGuardsModule {}
