import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../core/audit/audit.service';
import { applyHandover, dueHandoverIds } from '../../core/chair/chair-handover-effect.service';
import { todayIso } from '../../core/time';

/**
 * Applies accepted chair handovers whose day has come, before the first API request of each day
 * (UTC) is answered, and before that request's viewer is built: so the secretariat right and the
 * current chair always reflect the handover. Checking once a day per node is enough, because a
 * handover accepted on or after its day takes effect in the accepting transaction itself; until the
 * next day nothing else can become due. Register it before the auth plugin.
 */
export function registerHandoverClock(app: FastifyInstance, clock: () => Date = () => new Date()) {
  let checkedOn: string | null = null;
  let running: Promise<void> | null = null;

  const applyDue = async (now: Date): Promise<void> => {
    for (const id of await dueHandoverIds(app.db, now)) {
      try {
        await app.db.transaction().execute((trx) => applyHandover(trx, id, systemActor, now));
      } catch (error) {
        // It stays accepted (nothing was written); its secretariats can withdraw and propose again.
        app.log.error({ err: error, handover: id }, 'chair handover could not take effect');
      }
    }
    checkedOn = todayIso(now);
  };

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.access === undefined) return; // docs, health, static files
    const now = clock();
    if (checkedOn === todayIso(now)) return;
    running ??= applyDue(now).finally(() => {
      running = null;
    });
    await running;
  });
}
