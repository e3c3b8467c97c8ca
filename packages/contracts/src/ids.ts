import { z } from 'zod';

/** Site ids appear in MQTT topics and URLs: lower-case slug. */
export const SiteIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_-]{0,62}$/,
    'site id: 1-63 of a-z, 0-9, "_" or "-", starting with a letter or digit',
  );
export type SiteId = z.infer<typeof SiteIdSchema>;

/**
 * Asset ids are the network's own element ids (EPANET ids such as PU4, T1, J511): up to 31
 * characters, no whitespace, no ';', and none of MQTT's '/', '+', '#'.
 */
export const AssetIdSchema = z
  .string()
  .min(1)
  .max(31)
  .regex(/^[^\s;/+#]+$/, 'asset id: 1-31 characters without whitespace, ";", "/", "+" or "#"');
export type AssetId = z.infer<typeof AssetIdSchema>;
