-- AlterEnum
ALTER TYPE "TargetKind" ADD VALUE 'TWILIO';

-- The SIDs' defaults are volatile, so adding the columns rewrites the tables and gives every existing
-- workspace and API key its own SID (the backfill) before the unique indexes below are built.

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "account_sid" CHAR(34) NOT NULL DEFAULT ('AC'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)),
ADD COLUMN     "twilio_sms_target_id" CHAR(24);

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "sid" CHAR(34) NOT NULL DEFAULT ('SK'::text || replace((gen_random_uuid())::text, '-'::text, ''::text));

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "status_callback_target_id" CHAR(24);

-- AlterTable
ALTER TABLE "targets" ADD COLUMN     "signing_key_id" CHAR(24);

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_account_sid_key" ON "workspaces"("account_sid");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_sid_key" ON "api_keys"("sid");

-- CreateIndex
CREATE INDEX "messages_status_callback_target_id_idx" ON "messages"("status_callback_target_id") WHERE (status_callback_target_id IS NOT NULL);

-- CreateIndex
CREATE UNIQUE INDEX "targets_signing_key_id_url_key" ON "targets"("signing_key_id", "url");

-- AddForeignKey
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_twilio_sms_target_id_fkey" FOREIGN KEY ("twilio_sms_target_id") REFERENCES "targets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_status_callback_target_id_fkey" FOREIGN KEY ("status_callback_target_id") REFERENCES "targets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "targets" ADD CONSTRAINT "targets_signing_key_id_fkey" FOREIGN KEY ("signing_key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- New columns of a table that grows with traffic sample as the others do (migration 20261203094500).
ALTER TABLE "messages" ALTER COLUMN "status_callback_target_id" SET STATISTICS 25;
