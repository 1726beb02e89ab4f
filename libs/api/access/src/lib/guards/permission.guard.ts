import { roleHasPermission } from '@chartdesk/contracts';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, requestMetaOf } from '@chartdesk/api-platform';
import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { classifyRoute } from './route-classification';

/**
 * Global guard 2: the caller's role must grant every permission the route
 * declares with @RequirePermission. A route with neither that nor @Public()
 * is refused, so a forgotten decorator is a 403 rather than a hole. Every
 * refusal of a signed-in caller is audited (ACCESS_DENIED), committed on its own.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = classifyRoute(this.reflector, context.getHandler(), context.getClass());
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: Actor }>();
    switch (route.kind) {
      case 'public':
        return true;
      case 'unclassified':
        this.logger.error(
          `Refused a request to unclassified route ${context.getClass().name}.${context.getHandler().name}`,
        );
        await this.recordDenial(request, 'route not classified', []);
        throw new DomainError('FORBIDDEN', 'This action is not available.');
      case 'permission': {
        if (!request.user) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
        const role = request.user.role;
        const missing = route.permissions.filter((p) => !roleHasPermission(role, p));
        if (missing.length > 0) {
          await this.recordDenial(request, 'role lacks permission', missing);
          throw new DomainError('FORBIDDEN', 'Your role does not allow this action.');
        }
        return true;
      }
    }
  }

  private async recordDenial(
    request: FastifyRequest & { user?: Actor },
    reason: string,
    missing: readonly string[],
  ): Promise<void> {
    const actor = request.user;
    if (!actor) return;
    await this.audit.recordStandalone({
      action: 'ACCESS_DENIED',
      outcome: 'denied',
      outcomeReason: reason,
      actor,
      meta: requestMetaOf(request),
      resourceType: 'route',
      // The route pattern, never the concrete URL: ids in paths are not for the audit trail's free text.
      resourceId: `${request.method} ${request.routeOptions.url ?? ''}`,
      details: { missingPermissions: [...missing] },
    });
  }
}
