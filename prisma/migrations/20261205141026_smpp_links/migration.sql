-- CreateEnum
CREATE TYPE "LinkState" AS ENUM ('BOUND', 'CONNECTING', 'BACKING_OFF', 'STOPPED');

-- CreateTable
CREATE TABLE "device_links" (
    "device_id" CHAR(24) NOT NULL,
    "state" "LinkState" NOT NULL,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "last_error" TEXT,
    "in_flight" INTEGER NOT NULL DEFAULT 0,
    "holder" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL,
    "refused_version" TEXT,

    CONSTRAINT "device_links_pkey" PRIMARY KEY ("device_id")
);

-- CreateTable
CREATE TABLE "smpp_parts" (
    "device_id" CHAR(24) NOT NULL,
    "receipt_key" TEXT NOT NULL,
    "message_id" UUID,
    "part" INTEGER,
    "parts" INTEGER,
    "stat" TEXT,
    "raw" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "smpp_parts_pkey" PRIMARY KEY ("device_id","receipt_key")
);

-- CreateTable
CREATE TABLE "smpp_inbound_parts" (
    "device_id" CHAR(24) NOT NULL,
    "source" TEXT NOT NULL,
    "ref" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "data_coding" INTEGER NOT NULL,
    "octets" BYTEA NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "smpp_inbound_parts_pkey" PRIMARY KEY ("device_id","source","ref","total","seq")
);

-- CreateIndex
CREATE INDEX "smpp_parts_message_id_idx" ON "smpp_parts"("message_id");

-- CreateIndex
CREATE INDEX "smpp_parts_created_at_idx" ON "smpp_parts"("created_at");

-- CreateIndex
CREATE INDEX "smpp_inbound_parts_received_at_idx" ON "smpp_inbound_parts"("received_at");

-- CreateIndex
CREATE INDEX "messages_queued_idx" ON "messages"("device_id", "created_at") WHERE (status = 'QUEUED');

-- AddForeignKey
ALTER TABLE "device_links" ADD CONSTRAINT "device_links_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "smpp_parts" ADD CONSTRAINT "smpp_parts_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "smpp_parts" ADD CONSTRAINT "smpp_parts_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "smpp_inbound_parts" ADD CONSTRAINT "smpp_inbound_parts_device_id_fkey" FOREIGN KEY ("device_id") REFERENCES "devices"("id") ON DELETE CASCADE ON UPDATE CASCADE;
