-- CreateTable
CREATE TABLE "scenario" (
    "id" UUID NOT NULL,
    "site_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "phase" TEXT,
    "request" JSONB NOT NULL,
    "live_state" JSONB,
    "model_hash" TEXT NOT NULL,
    "engine_version" TEXT,
    "seed" INTEGER NOT NULL,
    "members" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "error" JSONB,
    "kpis" JSONB,
    "violations" JSONB,
    "times" JSONB,
    "start_clock_s" DOUBLE PRECISION,
    "result" JSON,
    "recommendations" JSONB,
    "ensemble" JSONB,

    CONSTRAINT "scenario_pkey" PRIMARY KEY ("id")
);

-- The result (several MB of JSON text) compresses with lz4 where the server has it (PostgreSQL
-- 14+ built with lz4); PGlite has not, and keeps the default pglz.
DO $$
BEGIN
    ALTER TABLE "scenario" ALTER COLUMN "result" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END
$$;

-- CreateTable
CREATE TABLE "scenario_decision" (
    "id" BIGSERIAL NOT NULL,
    "scenario_id" UUID NOT NULL,
    "rank" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "comment" TEXT,

    CONSTRAINT "scenario_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_residual" (
    "site_id" TEXT NOT NULL,
    "asset_id" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "measured" DOUBLE PRECISION NOT NULL,
    "modelled" DOUBLE PRECISION NOT NULL,
    "residual" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "model_residual_pkey" PRIMARY KEY ("site_id","asset_id","metric","at")
);

-- CreateIndex
CREATE INDEX "scenario_site_id_created_at_idx" ON "scenario"("site_id", "created_at");

-- CreateIndex
CREATE INDEX "scenario_status_idx" ON "scenario"("status");

-- CreateIndex
CREATE INDEX "scenario_decision_scenario_id_idx" ON "scenario_decision"("scenario_id");

-- CreateIndex
CREATE INDEX "model_residual_site_id_at_idx" ON "model_residual"("site_id", "at");

-- AddForeignKey
ALTER TABLE "scenario" ADD CONSTRAINT "scenario_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "scenario_decision" ADD CONSTRAINT "scenario_decision_scenario_id_fkey" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;
