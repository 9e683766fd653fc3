-- AlterTable
ALTER TABLE "devices" ADD COLUMN     "last_error_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3),
ADD COLUMN     "queued_reason" TEXT,
ADD COLUMN     "retrying_since" TIMESTAMPTZ(3),
ADD COLUMN     "send_attempts" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "early_status_reports" (
    "id" BIGSERIAL NOT NULL,
    "device_id" CHAR(24) NOT NULL,
    "provider_message_id" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "early_status_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media" (
    "id" UUID NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "device_id" CHAR(24) NOT NULL,
    "provider_ref" TEXT NOT NULL,
    "content_type" TEXT,
    "filename" TEXT,
    "size" INTEGER,
    "data" BYTEA,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fetched_at" TIMESTAMPTZ(3),

    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "early_status_reports_device_id_provider_message_id_idx" ON "early_status_reports"("device_id", "provider_message_id");

-- CreateIndex
CREATE INDEX "early_status_reports_received_at_idx" ON "early_status_reports"("received_at");

-- CreateIndex
CREATE INDEX "media_created_at_idx" ON "media"("created_at");

-- AddForeignKey
ALTER TABLE "early_status_reports" ADD CONSTRAINT "early_status_reports_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media" ADD CONSTRAINT "media_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- New columns of a table that grows with traffic sample as the others do (migration 20261203094500).
ALTER TABLE "messages"
  ALTER COLUMN "next_attempt_at" SET STATISTICS 25,
  ALTER COLUMN "queued_reason" SET STATISTICS 25,
  ALTER COLUMN "retrying_since" SET STATISTICS 25,
  ALTER COLUMN "send_attempts" SET STATISTICS 25;
