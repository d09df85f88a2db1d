package io.latchkey.adapters.kafka.producer;

/** CloudEvents 1.0 Kafka protocol binding, binary content mode: attribute headers. */
final class CloudEventHeaders {

    static final String SPEC_VERSION = "ce_specversion";
    static final String ID = "ce_id";
    static final String TYPE = "ce_type";
    static final String SOURCE = "ce_source";
    static final String TIME = "ce_time";
    static final String SUBJECT = "ce_subject";
    static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
