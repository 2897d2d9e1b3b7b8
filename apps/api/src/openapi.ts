import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { SESSION_COOKIE } from './common/api-docs';

/** The OpenAPI document of the api: served at /api/docs-json and written by `npm run openapi`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Grants API')
      .setDescription('Grant competitions of the Resource Center for support of public initiatives')
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      // Paths carry the /api/v1 prefix, so the server is the origin the api is served from.
      .addServer('/', 'The origin serving the api')
      .addBearerAuth()
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  // Public operations carry `[{}]` (ApiDoc's "no scheme"); OpenAPI's plain way to say it is `[]`.
  // Nest drops an empty security list from decorators, so it is written here.
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as { security?: unknown[] }[]) {
      if (op && typeof op === 'object' && isNoScheme(op.security)) op.security = [];
    }
  }
  return document;
}

const isNoScheme = (security: unknown[] | undefined) =>
  security?.length === 1 && Object.keys(security[0] as object).length === 0;
