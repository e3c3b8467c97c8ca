import { describe, expect, it } from 'vitest';
import { createDocument } from 'zod-openapi';
import { nowcastPaths } from './nowcast-paths';

describe('nowcastPaths', () => {
  it('documents both routes with their query and response schemas', () => {
    const doc = createDocument({
      openapi: '3.1.0',
      info: { title: 't', version: '0' },
      paths: nowcastPaths((summary, permission, schema, extra = {}) => ({
        summary,
        description: `Requires: ${permission ?? 'nothing'}.`,
        responses: {
          '200': {
            description: 'OK',
            ...(schema ? { content: { 'application/json': { schema } } } : {}),
          },
        },
        ...extra,
      })),
    });
    const residuals = doc.paths?.['/api/sites/{siteId}/residuals']?.get;
    expect(residuals?.parameters?.map((p) => ('name' in p ? p.name : undefined))).toEqual([
      'siteId',
      'assetId',
      'metric',
      'from',
      'to',
    ]);
    expect(doc.paths?.['/api/sites/{siteId}/nowcast']?.get?.description).toBe(
      'Requires: scenario:read.',
    );
  });
});
