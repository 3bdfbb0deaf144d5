// Builds the HTTP application; used by main.ts and by the tests, so both run the same server.
import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { bodyReader } from './common/body-reader';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { servesApi, type Settings } from './config/settings';
import { AppModule } from './app.module';
import { EDITOR_DIR } from './editor/editor.tokens';
import { IntakeService } from './intake/intake.service';
import { registerIntakeRoutes } from './intake/intake.route';
import { PinoNestLogger } from './logging/logger';

export async function createApp({ settings, logger }: { settings: Settings; logger: Logger }): Promise<NestFastifyApplication> {
  // return503OnClosing: false: while shutting down, a request that arrives on a connection already
  // open is served (with Connection: close), so a sender gets 202 or no answer, never a 503.
  const adapter = new FastifyAdapter({ bodyLimit: settings.MAX_BODY_BYTES, trustProxy: false, return503OnClosing: false });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ settings, logger }), adapter, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Every body arrives as bytes: webhooks keep their raw bytes (signatures, replays) and are
  // parsed by intake; API routes parse JSON in their pipes.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', bodyReader(settings.MAX_BODY_BYTES));
  app.useGlobalFilters(new HttpExceptionFilter(logger));
  // A worker answers its probes and runs executions: no API, editor or trigger URLs.
  if (!servesApi(settings)) {
    await app.init();
    await fastify.ready();
    return app;
  }
  // Session cookies of the auth capability (src/auth).
  await app.register(fastifyCookie);
  const editorDir = app.get<string | undefined>(EDITOR_DIR);
  // wildcard: false registers one route per built file, leaving other paths to the page route.
  if (editorDir) app.useStaticAssets({ root: editorDir, prefix: '/', wildcard: false, index: false });

  const openApi = new DocumentBuilder()
    .setTitle('Hookflow API')
    .setDescription('Flows, executions, received events and node types. Trigger URLs (/hooks/...) are documented in the README.')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  await app.init();
  // After init: Nest's adapter adds the less common HTTP methods (PROPFIND, SEARCH...) there, and
  // trigger URLs must answer every method (405 with Allow, recorded) like the API does.
  registerIntakeRoutes(fastify, app.get(IntakeService), logger);
  await fastify.ready();
  return app;
}
