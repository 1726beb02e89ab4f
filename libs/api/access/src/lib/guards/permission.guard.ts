import { roleHasPermission } from '@chartdesk/contracts';
import { type Actor, DomainError } from '@chartdesk/api-platform';
import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { classifyRoute } from './route-classification';

/**
 * Global guard 2: the caller's role must grant every permission the route
 * declares with @RequirePermission. A route with neither that nor @Public()
 * is refused, so a forgotten decorator is a 403 rather than a hole.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const route = classifyRoute(this.reflector, context.getHandler(), context.getClass());
    switch (route.kind) {
      case 'public':
        return true;
      case 'unclassified':
        this.logger.error(
          `Refused a request to unclassified route ${context.getClass().name}.${context.getHandler().name}`,
        );
        throw new DomainError('FORBIDDEN', 'This action is not available.');
      case 'permission': {
        const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
        if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
        if (!route.permissions.every((p) => roleHasPermission(actor.role, p))) {
          throw new DomainError('FORBIDDEN', 'Your role does not allow this action.');
        }
        return true;
      }
    }
  }
}
