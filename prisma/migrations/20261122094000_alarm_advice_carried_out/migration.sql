-- AlterTable
ALTER TABLE "alarm_advice" ADD COLUMN     "carried_out" JSONB;
