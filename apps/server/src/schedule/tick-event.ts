// A schedule's tick as an event row: stored, listed and replayed like a webhook's request. Its body
// is the tick ({ scheduledFor, firedAt, cron, timezone }); method SCHEDULE and a /schedule/ path
// tell it apart from requests, which always keep the URL they came to.
import { SCHEDULE_METHOD, type ScheduleTick } from '@hookflow/nodes';
import { storeBody } from '../events/event-body';
import type { EventEntity } from '../events/event.entity';
import { newRowId } from '../storage/row-id';

export const SCHEDULE_PATH_PREFIX = '/schedule/';

export function tickEvent(args: { flowId: string; versionId: string; nodeId: string; tick: ScheduleTick }): EventEntity {
  const { flowId, versionId, nodeId, tick } = args;
  const headers = { 'content-type': 'application/json' };
  return {
    id: newRowId(),
    flowId,
    flowVersionId: versionId,
    nodeId,
    method: SCHEDULE_METHOD,
    path: `${SCHEDULE_PATH_PREFIX}${flowId}`,
    headers,
    query: {},
    contentType: headers['content-type'],
    ...storeBody({ raw: Buffer.from(JSON.stringify(tick)), kind: 'json', body: tick }),
    status: 'accepted',
    reason: null,
    httpStatus: 202,
    receivedAt: tick.firedAt,
    orderingKey: null,
  };
}
