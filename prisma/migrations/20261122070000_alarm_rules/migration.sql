-- CreateTable
CREATE TABLE "alarm_rule_version" (
    "id" BIGSERIAL NOT NULL,
    "site_id" TEXT NOT NULL,
    "asset_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rule" JSONB,
    "reverted" BOOLEAN NOT NULL DEFAULT false,
    "changed_by" TEXT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alarm_rule_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alarm_rule_version_site_id_asset_id_rule_id_version_key" ON "alarm_rule_version"("site_id", "asset_id", "rule_id", "version");

-- CreateIndex
CREATE INDEX "alarm_rule_version_site_id_idx" ON "alarm_rule_version"("site_id");

-- AddForeignKey
ALTER TABLE "alarm_rule_version" ADD CONSTRAINT "alarm_rule_version_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;
