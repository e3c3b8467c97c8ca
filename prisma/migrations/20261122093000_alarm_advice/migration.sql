-- CreateTable
CREATE TABLE "alarm_advice" (
    "id" UUID NOT NULL,
    "site_id" TEXT NOT NULL,
    "alarm_key" TEXT NOT NULL,
    "asset_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "error" TEXT,
    "note" TEXT,
    "horizon_s" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,
    "scenario_id" UUID NOT NULL,
    "effect_scenarios" JSONB,
    "perturbations" JSONB NOT NULL,
    "assumptions" JSONB NOT NULL,
    "quantity" JSONB,
    "effects" JSONB,
    "requested_by" TEXT NOT NULL,
    "principal" JSONB NOT NULL,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "alarm_advice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_check" (
    "id" BIGSERIAL NOT NULL,
    "advice_id" UUID NOT NULL,
    "site_id" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "asset_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "scenario_id" UUID NOT NULL,
    "approved_by" TEXT NOT NULL,
    "approved_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "time_scale" DOUBLE PRECISION NOT NULL,
    "tolerance" DOUBLE PRECISION NOT NULL,
    "predicted" JSONB NOT NULL,
    "verdict" TEXT,
    "numbers" JSONB,
    "checked_at" TIMESTAMPTZ(3),

    CONSTRAINT "recommendation_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alarm_advice_scenario_id_key" ON "alarm_advice"("scenario_id");

-- CreateIndex
CREATE INDEX "alarm_advice_site_id_alarm_key_requested_at_idx" ON "alarm_advice"("site_id", "alarm_key", "requested_at");

-- CreateIndex
CREATE INDEX "alarm_advice_status_idx" ON "alarm_advice"("status");

-- CreateIndex
CREATE INDEX "recommendation_check_due_at_idx" ON "recommendation_check"("due_at");

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_check_advice_id_rank_key" ON "recommendation_check"("advice_id", "rank");

-- AddForeignKey
ALTER TABLE "alarm_advice" ADD CONSTRAINT "alarm_advice_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_check" ADD CONSTRAINT "recommendation_check_advice_id_fkey" FOREIGN KEY ("advice_id") REFERENCES "alarm_advice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

