import { buildOpenApiDocument } from '../../../src/openapi/openapi-document';
import { publicRoute } from '../../../src/http/route';

export const GET = publicRoute(({ context }) =>
  Promise.resolve(buildOpenApiDocument(context.env.BUILD_VERSION)),
);
