// Serves the editor's single-page app: files are registered by @fastify/static, and every other
// browser path (/flows/..., /flows/.../executions) answers index.html so client routes work.
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/static';
import { NotFoundError } from '../common/domain-errors';
import { EDITOR_DIR } from './editor.tokens';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Hookflow</title>
<body style="font-family:system-ui;margin:3rem"><h1>Hookflow is running</h1>
<p>The editor is not built yet. Run <code>npm start</code> (it builds the editor) or <code>npx nx run editor:build</code>, then reload.</p>
<p>The API is at <a href="/api/docs">/api/docs</a>.</p></body>`;

@ApiExcludeController()
@Controller()
export class EditorController {
  constructor(@Inject(EDITOR_DIR) private readonly editorDir: string | undefined) {}

  @Get('*')
  page(@Req() req: FastifyRequest, @Res() reply: FastifyReply): unknown {
    const path = req.url.split('?')[0];
    if (/^\/(api|hooks|hooks-test|healthz)(\/|$)/.test(path) || /\.[a-z0-9]+$/i.test(path)) {
      throw new NotFoundError(`Nothing at ${path}.`);
    }
    if (!this.editorDir) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html', this.editorDir);
  }
}
