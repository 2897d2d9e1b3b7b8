import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document of the api: served at /api/docs-json and written by `npm run openapi`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Grants API')
      .setDescription('Grant competitions of the Resource Center for support of public initiatives')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
