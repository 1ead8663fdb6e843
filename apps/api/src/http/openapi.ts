import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentIdempotency } from '../idempotency/openapi-idempotency';

/** The OpenAPI document, generated from the controllers and DTOs, at /api/docs (JSON at /api/docs-json). */
export function serveOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Referral')
    .setDescription('Crime-victim support referrals in Stockholm: HTTP contract, version 1')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = documentIdempotency(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
