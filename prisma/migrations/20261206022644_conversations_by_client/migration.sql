-- CreateIndex
CREATE INDEX "conversations_client_id_device_id_idx" ON "conversations"("client_id", "device_id");
