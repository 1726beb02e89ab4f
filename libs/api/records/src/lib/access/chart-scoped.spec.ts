import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { firstValueFrom, from } from 'rxjs';
import { ChartScoped, ChartScopedInterceptor, noteChartDecision } from './chart-scoped';

class Routes {
  @ChartScoped()
  scoped(): void {
    // marker target
  }

  plain(): void {
    // marker target
  }
}

function contextOf(handler: () => void): ExecutionContext {
  return { getHandler: () => handler, getClass: () => Routes } as unknown as ExecutionContext;
}

/** A handler that answers after an await, as services do, optionally deciding on a chart first. */
function handler(decides: boolean): CallHandler {
  return {
    handle: () =>
      from(
        (async () => {
          await Promise.resolve();
          if (decides) noteChartDecision();
          return { ok: true };
        })(),
      ),
  };
}

describe('ChartScopedInterceptor', () => {
  const interceptor = new ChartScopedInterceptor(new Reflector());

  it('lets a chart-scoped route answer once ChartAccess decided in the request', async () => {
    const answer = interceptor.intercept(contextOf(Routes.prototype.scoped), handler(true));
    await expect(firstValueFrom(answer)).resolves.toEqual({ ok: true });
  });

  it('refuses the answer of a chart-scoped route that never went through ChartAccess', async () => {
    const answer = interceptor.intercept(contextOf(Routes.prototype.scoped), handler(false));
    await expect(firstValueFrom(answer)).rejects.toThrow('Routes.scoped answered without ChartAccess');
  });

  it('leaves routes without the marker alone', async () => {
    const answer = interceptor.intercept(contextOf(Routes.prototype.plain), handler(false));
    await expect(firstValueFrom(answer)).resolves.toEqual({ ok: true });
  });

  it('does not count a decision made outside the request', async () => {
    noteChartDecision();
    const answer = interceptor.intercept(contextOf(Routes.prototype.scoped), handler(false));
    await expect(firstValueFrom(answer)).rejects.toThrow();
  });
});
