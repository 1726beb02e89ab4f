import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable, tap } from 'rxjs';

export const CHART_SCOPED = 'chartdesk:chart-scoped';

/**
 * Marks a route that reads or acts on one chart (or its document, coding version,
 * provider query, review or lease). ChartScopedInterceptor then holds it to the
 * rule: it may answer successfully only after ChartAccess decided on the chart.
 */
export const ChartScoped = (): MethodDecorator => SetMetadata(CHART_SCOPED, true);

interface Decisions {
  count: number;
}

const decisions = new AsyncLocalStorage<Decisions>();

/** Called by ChartAccess each time the policy allowed a chart in this request. */
export function noteChartDecision(): void {
  const store = decisions.getStore();
  if (store) store.count += 1;
}

/**
 * Fail closed: a chart-scoped handler that answers without having gone through
 * ChartAccess is a programming error, and its answer never leaves the server.
 */
@Injectable()
export class ChartScopedInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(CHART_SCOPED, context.getHandler())) return next.handle();
    const store: Decisions = { count: 0 };
    return new Observable((subscriber) =>
      decisions.run(store, () =>
        next
          .handle()
          .pipe(
            tap(() => {
              if (store.count === 0) {
                throw new Error(`${context.getClass().name}.${context.getHandler().name} answered without ChartAccess`);
              }
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
