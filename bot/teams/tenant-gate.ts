/**
 * One organisation's tenant: with allowed tenants configured (always, with credentials), an
 * activity from any other tenant is refused before a handler, the turn state or the conversation
 * references see it. The person gets a polite message (an invoke gets a 403), the log gets one line
 * with ids only.
 */
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { securityMessagesFor } from '../core/i18n/security-messages.js';
import type { BotDeps } from './deps.js';
import { languageOf, tenantOf } from './turn.js';

/** A check run first in every turn: true when the turn may go on. */
export function createTenantGate(deps: Pick<BotDeps, 'config' | 'logger'>): (context: TurnContext) => Promise<boolean> {
  const allowed = deps.config.allowedTenants.map((t) => t.toLowerCase());
  return async (context) => {
    if (allowed.length === 0) return true;
    const tenant = tenantOf(context.activity)?.toLowerCase();
    if (tenant && allowed.includes(tenant)) return true;
    const activity = context.activity;
    deps.logger.warn(
      { tenantId: tenant && /^[0-9a-f-]{36}$/.test(tenant) ? tenant : tenant ? 'invalid' : 'none', activityType: activity.type, userId: typeof activity.from?.aadObjectId === 'string' ? activity.from.aadObjectId.slice(0, 64) : undefined },
      'activity refused: tenant not allowed',
    );
    const message = securityMessagesFor(languageOf(context)).tenantRefused;
    if (activity.type === ActivityTypes.Message) await context.sendActivity(message);
    else if (activity.type === ActivityTypes.Invoke) {
      const response = { type: ActivityTypes.InvokeResponse, value: { status: 403, body: { statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'Forbidden', message } } } };
      await context.sendActivity(response);
      context.turnState.set(INVOKE_RESPONSE_KEY, response);
    }
    return false;
  };
}
