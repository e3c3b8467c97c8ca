-- CreateTable
CREATE TABLE "alarm" (
    "site_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "asset_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "condition" BOOLEAN NOT NULL,
    "alarm" JSONB NOT NULL,
    "text" TEXT,
    "announced_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alarm_pkey" PRIMARY KEY ("site_id","key")
);

-- CreateTable
CREATE TABLE "alarm_event" (
    "id" BIGSERIAL NOT NULL,
    "site_id" TEXT NOT NULL,
    "alarm_key" TEXT NOT NULL,
    "asset_id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "rule_version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "priority" TEXT NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "who" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "why" TEXT,
    "announced" BOOLEAN NOT NULL,
    "values" JSONB,

    CONSTRAINT "alarm_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alarm_flood" (
    "id" BIGSERIAL NOT NULL,
    "site_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "peak_count" INTEGER NOT NULL,
    "window_ms" INTEGER NOT NULL,

    CONSTRAINT "alarm_flood_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alarm_site_id_state_idx" ON "alarm"("site_id", "state");

-- CreateIndex
CREATE INDEX "alarm_event_site_id_at_idx" ON "alarm_event"("site_id", "at");

-- CreateIndex
CREATE INDEX "alarm_event_site_id_alarm_key_id_idx" ON "alarm_event"("site_id", "alarm_key", "id");

-- CreateIndex
CREATE UNIQUE INDEX "alarm_flood_site_id_started_at_key" ON "alarm_flood"("site_id", "started_at");

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The alarm history is append-only: refuse UPDATE and DELETE at the database (ISA-18.2:
-- every transition is kept; nothing is deleted).
CREATE FUNCTION alarm_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'alarm_event is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER alarm_event_no_update_delete BEFORE UPDATE OR DELETE ON "alarm_event"
  FOR EACH ROW EXECUTE FUNCTION alarm_event_append_only();
