import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import type { GatewayConfig } from './config/gateway.config';

export const API_PREFIX = 'api/v1';

/** Everything HTTP beyond the modules: prefix (health stays at the root), validation, errors, CORS, Swagger. */
export function configureGatewayHttp(app: INestApplication, config: GatewayConfig): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      // The operators' dead-letter API (ADMIN_TOKEN) sits at the root as on every service, outside the public /api.
      { path: 'admin/dead-letters', method: RequestMethod.GET },
      { path: 'admin/dead-letters/replay', method: RequestMethod.POST },
      { path: 'admin/dead-letters/:messageId', method: RequestMethod.GET },
      { path: 'admin/dead-letters/:messageId', method: RequestMethod.DELETE },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableCors();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Agentic Social gateway')
      .setDescription('Campaigns planned, written, designed, scheduled and published by agents.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .addServer('/', config.nodeEnv)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
