import { z } from 'zod';
import { SiteIdSchema } from './ids';
import { ApiTokenSchema, AuditEntrySchema } from './api';

/** Query strings and list shapes of the admin routes (/api/rejected, /api/audit, /api/tokens). */
const CursorSchema = z
  .string()
  .regex(/^\d{1,19}$/, 'cursor: the nextCursor value of the previous page');
const LimitSchema = z.coerce.number().int().min(1).max(500).default(100);

export const RejectedQuerySchema = z.object({
  siteId: SiteIdSchema.optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export type RejectedQuery = z.infer<typeof RejectedQuerySchema>;

export const AuditQuerySchema = z.object({
  action: z.string().min(1).max(100).optional(),
  cursor: CursorSchema.optional(),
  limit: LimitSchema,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const ApiTokenListSchema = z.array(ApiTokenSchema);

export const ImportNetworkBodySchema = z.object({
  name: z.string().min(1).max(200).optional(),
  inp: z
    .string()
    .min(1, 'inp: the .inp file text is empty')
    .max(50 * 1024 * 1024),
});
