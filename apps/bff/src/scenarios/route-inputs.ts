import { z } from 'zod';

/** Query and path inputs of the scenario routes that the contracts do not define (yet). */
export const ScenarioListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The createdAt (epoch ms) of the last scenario of the previous page. */
  before: z.coerce.number().int().positive().optional(),
});

export const RecommendationRankSchema = z.coerce
  .number()
  .int('rank: a whole number')
  .positive('rank: 1 is the best recommendation');

/** Largest POST body of a what-if request. */
export const MAX_SCENARIO_BODY_BYTES = 1024 * 1024;
