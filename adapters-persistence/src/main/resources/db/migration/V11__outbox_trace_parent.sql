-- The W3C traceparent of the transaction that wrote the event (null when it ran without a trace): the relay
-- continues that trace, so one trace runs from the HTTP request through Kafka to every consumer's purge.
ALTER TABLE outbox ADD COLUMN trace_parent text;
