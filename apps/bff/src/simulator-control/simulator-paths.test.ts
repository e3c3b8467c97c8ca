import { describe, expect, it } from 'vitest';
import { createDocument } from 'zod-openapi';
import { simulatorPaths } from './simulator-paths';

describe('simulatorPaths', () => {
  it('documents the three fault routes with their body, status and permission', () => {
    const doc = createDocument({
      openapi: '3.1.0',
      info: { title: 't', version: '0' },
      paths: simulatorPaths((summary, permission, schema, extra = {}, status = '200') => ({
        summary,
        description: `Requires: ${permission ?? 'nothing'}.`,
        responses: {
          [status]: {
            description: 'OK',
            ...(schema ? { content: { 'application/json': { schema } } } : {}),
          },
        },
        ...extra,
      })),
    });
    const faults = doc.paths?.['/api/sites/{siteId}/simulator/faults'];
    expect(Object.keys(faults?.post?.responses ?? {})).toEqual(['202']);
    expect(faults?.post?.requestBody).toBeDefined();
    expect(faults?.get?.description).toBe('Requires: simulator:control.');
    const clear = doc.paths?.['/api/sites/{siteId}/simulator/faults/{assetId}']?.delete;
    expect(clear?.parameters?.map((p) => ('name' in p ? p.name : undefined))).toEqual([
      'siteId',
      'assetId',
    ]);
  });
});
