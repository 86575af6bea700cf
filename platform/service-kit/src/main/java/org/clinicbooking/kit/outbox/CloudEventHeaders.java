package org.clinicbooking.kit.outbox;

/**
 * Kafka header names of CloudEvents 1.0 in binary mode: each attribute is a {@code ce_}
 * header and the record value is the event's JSON data.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** Extension attributes; CloudEvents requires lower-case alphanumeric names. */
    public static final String AGGREGATE_TYPE = "ce_aggregatetype";

    public static final String ACTOR_ID = "ce_actorid";
    public static final String ACTOR_ROLE = "ce_actorrole";

    /** The W3C trace context of the request that made the change (CloudEvents distributed tracing extension). */
    public static final String TRACE_PARENT = "ce_traceparent";

    /** Also sent as a plain header, so tracing tools that do not read CloudEvents link the spans. */
    public static final String W3C_TRACE_PARENT = "traceparent";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
