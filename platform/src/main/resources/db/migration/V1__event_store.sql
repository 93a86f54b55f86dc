-- Axon's tables for the JDBC event store on PostgreSQL.
-- Serialized columns are bytea (never large-object oids, which leak and bloat), and the global
-- index comes from a sequence that hands out one value at a time, so that concurrent writers
-- never commit global indexes far out of order (tracking processors would skip events).

CREATE SEQUENCE domain_event_entry_global_index_seq START WITH 1 INCREMENT BY 1 CACHE 1;

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL DEFAULT nextval('domain_event_entry_global_index_seq'),
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (event_identifier)
);
ALTER SEQUENCE domain_event_entry_global_index_seq OWNED BY domain_event_entry.global_index;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_processing_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA,
    CONSTRAINT saga_entry_pk PRIMARY KEY (saga_id)
);

CREATE TABLE association_value_entry (
    id                BIGSERIAL    NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    CONSTRAINT association_value_entry_pk PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_value_idx ON association_value_entry (saga_type, association_key, association_value);
