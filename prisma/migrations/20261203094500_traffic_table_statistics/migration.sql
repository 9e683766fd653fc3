-- The tables that grow with traffic sample 7,500 rows when analyzed instead of PostgreSQL's 30,000
-- (statistics target 25, not 100). ANALYZE of all four took ~435 ms of CPU at once, about every
-- minute under load, and such bursts were where the slow seconds of the end-to-end p99 came
-- from; at 25 they take ~115 ms. Our statements on them find rows by key through indexes, which such a
-- sample estimates as well. A column added to these tables needs the same setting (a test checks).

ALTER TABLE "messages"
  ALTER COLUMN "id" SET STATISTICS 25,
  ALTER COLUMN "workspace_id" SET STATISTICS 25,
  ALTER COLUMN "conversation_id" SET STATISTICS 25,
  ALTER COLUMN "client_id" SET STATISTICS 25,
  ALTER COLUMN "device_id" SET STATISTICS 25,
  ALTER COLUMN "direction" SET STATISTICS 25,
  ALTER COLUMN "channel" SET STATISTICS 25,
  ALTER COLUMN "type" SET STATISTICS 25,
  ALTER COLUMN "content" SET STATISTICS 25,
  ALTER COLUMN "attachments" SET STATISTICS 25,
  ALTER COLUMN "external_id" SET STATISTICS 25,
  ALTER COLUMN "request_hash" SET STATISTICS 25,
  ALTER COLUMN "provider_message_id" SET STATISTICS 25,
  ALTER COLUMN "provider_conversation_id" SET STATISTICS 25,
  ALTER COLUMN "user_id" SET STATISTICS 25,
  ALTER COLUMN "is_agent" SET STATISTICS 25,
  ALTER COLUMN "status" SET STATISTICS 25,
  ALTER COLUMN "raw_status" SET STATISTICS 25,
  ALTER COLUMN "error_code" SET STATISTICS 25,
  ALTER COLUMN "error" SET STATISTICS 25,
  ALTER COLUMN "segments" SET STATISTICS 25,
  ALTER COLUMN "encoding" SET STATISTICS 25,
  ALTER COLUMN "created_at" SET STATISTICS 25,
  ALTER COLUMN "updated_at" SET STATISTICS 25,
  ALTER COLUMN "sent_at" SET STATISTICS 25,
  ALTER COLUMN "delivered_at" SET STATISTICS 25,
  ALTER COLUMN "read_at" SET STATISTICS 25,
  ALTER COLUMN "failed_at" SET STATISTICS 25;

ALTER TABLE "events"
  ALTER COLUMN "id" SET STATISTICS 25,
  ALTER COLUMN "workspace_id" SET STATISTICS 25,
  ALTER COLUMN "type" SET STATISTICS 25,
  ALTER COLUMN "payload" SET STATISTICS 25,
  ALTER COLUMN "created_at" SET STATISTICS 25;

ALTER TABLE "deliveries"
  ALTER COLUMN "id" SET STATISTICS 25,
  ALTER COLUMN "event_id" SET STATISTICS 25,
  ALTER COLUMN "target_id" SET STATISTICS 25,
  ALTER COLUMN "workspace_id" SET STATISTICS 25,
  ALTER COLUMN "status" SET STATISTICS 25,
  ALTER COLUMN "attempt_count" SET STATISTICS 25,
  ALTER COLUMN "next_attempt_at" SET STATISTICS 25,
  ALTER COLUMN "last_status_code" SET STATISTICS 25,
  ALTER COLUMN "last_error" SET STATISTICS 25,
  ALTER COLUMN "created_at" SET STATISTICS 25,
  ALTER COLUMN "updated_at" SET STATISTICS 25,
  ALTER COLUMN "succeeded_at" SET STATISTICS 25;

ALTER TABLE "attempts"
  ALTER COLUMN "id" SET STATISTICS 25,
  ALTER COLUMN "delivery_id" SET STATISTICS 25,
  ALTER COLUMN "number" SET STATISTICS 25,
  ALTER COLUMN "trigger" SET STATISTICS 25,
  ALTER COLUMN "url" SET STATISTICS 25,
  ALTER COLUMN "started_at" SET STATISTICS 25,
  ALTER COLUMN "duration_ms" SET STATISTICS 25,
  ALTER COLUMN "status_code" SET STATISTICS 25,
  ALTER COLUMN "error_kind" SET STATISTICS 25,
  ALTER COLUMN "error" SET STATISTICS 25,
  ALTER COLUMN "response_body" SET STATISTICS 25;
