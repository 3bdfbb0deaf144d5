// The test URL (/hooks-test/<flowId>[/<path>]) and the editor's event stream of what it receives.
import { All, Controller, Param, Req, Sse, type MessageEvent } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { interval, map, merge, Observable, takeUntil } from 'rxjs';
import { FlowsService } from '../flows/flows.service';
import { ShutdownState } from '../health/shutdown-state';
import { flatHeaders, flatQuery } from '../intake/request-parts';
import { TestListenService } from './test-listen.service';

const PING_MS = 15_000;

@ApiTags('flows')
@Controller()
export class TestListenController {
  constructor(
    private readonly listen: TestListenService,
    private readonly flows: FlowsService,
    private readonly shutdown: ShutdownState,
  ) {}

  @ApiExcludeEndpoint()
  @All(['hooks-test/:flowId', 'hooks-test/:flowId/*'])
  async receive(@Req() req: FastifyRequest<{ Params: { flowId: string } }>) {
    const received = await this.listen.receive(req.params.flowId, {
      method: req.method,
      headers: flatHeaders(req.headers),
      query: flatQuery(req.query),
      raw: Buffer.isBuffer(req.body) ? req.body : undefined,
    });
    return { received: true, id: received.id, message: 'Test event received by the editor; the flow was not run.' };
  }

  @Sse('api/flows/:id/test-events')
  @ApiOperation({ summary: 'Server-sent events: each request to the flow’s test URL, as `event: request`' })
  async events(@Param('id') id: string): Promise<Observable<MessageEvent>> {
    await this.flows.find(id);
    const requests = new Observable<MessageEvent>((subscriber) => this.listen.listen(id, (request) => subscriber.next({ type: 'request', data: request })));
    const pings = interval(PING_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    // Ends when the process shuts down (the editor reconnects to another one), so an open editor
    // does not hold the shutdown up.
    return merge(requests, pings).pipe(takeUntil(this.shutdown.closing$));
  }
}
