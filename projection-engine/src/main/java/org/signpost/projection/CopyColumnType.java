package org.signpost.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * How a value of a read-model column is written in PostgreSQL's binary {@code COPY} format:
 * the type's own binary form (as its {@code *_recv} function reads it), so that neither side
 * formats or parses text. Only the types the read models use are here; a column of another
 * type is refused by name when its table is first copied.
 */
enum CopyColumnType {

    INTEGER {
        @Override
        void write(CopyBuffer out, Object value) {
            // Refused, as an insert would refuse it, rather than cut to 32 bits.
            out.int32(4).int32(Math.toIntExact(((Number) value).longValue()));
        }
    },
    BIGINT {
        @Override
        void write(CopyBuffer out, Object value) {
            out.int32(8).int64(((Number) value).longValue());
        }
    },
    BOOLEAN {
        @Override
        void write(CopyBuffer out, Object value) {
            out.int32(1).int8((Boolean) value ? 1 : 0);
        }
    },
    /** A date PostgreSQL cannot hold goes in as an infinity (see {@link StorableValues}), as a live insert's does. */
    DATE {
        @Override
        void write(CopyBuffer out, Object value) {
            LocalDate date = StorableValues.date((LocalDate) value);
            int days = date.equals(LocalDate.MIN) ? DATE_MINUS_INFINITY
                    : date.equals(LocalDate.MAX) ? DATE_INFINITY
                    : Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY);
            out.int32(4).int32(days);
        }
    },
    TIMESTAMPTZ {
        @Override
        void write(CopyBuffer out, Object value) {
            Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant()
                    : value instanceof OffsetDateTime offset ? offset.toInstant()
                    : (Instant) value;
            // Microseconds, rounded as the driver rounds a Timestamp it sends as a parameter.
            long micros = (instant.getEpochSecond() - POSTGRES_EPOCH_SECOND) * 1_000_000L
                    + (instant.getNano() + 500) / 1_000;
            out.int32(8).int64(micros);
        }
    },
    UUID {
        @Override
        void write(CopyBuffer out, Object value) {
            UUID uuid = (UUID) value;
            out.int32(16).int64(uuid.getMostSignificantBits()).int64(uuid.getLeastSignificantBits());
        }
    },
    /**
     * text, varchar and json: the characters in UTF-8 (the connection's encoding), a NUL as
     * U+FFFD (see {@link StorableValues}). Bytes that are UTF-8 already (a stored event's JSON,
     * which its serializer wrote, every control character escaped) go in as they are.
     */
    TEXT {
        @Override
        void write(CopyBuffer out, Object value) {
            byte[] bytes = utf8(value);
            out.int32(bytes.length).bytes(bytes);
        }
    },
    /** jsonb: a version byte, then the JSON text. */
    JSONB {
        @Override
        void write(CopyBuffer out, Object value) {
            byte[] bytes = utf8(value);
            out.int32(bytes.length + 1).int8(1).bytes(bytes);
        }
    };

    private static byte[] utf8(Object value) {
        return value instanceof Utf8Text text ? text.bytes()
                : StorableValues.text(value.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** PostgreSQL's {@code -infinity} and {@code infinity} dates in binary form (DATEVAL_NOBEGIN, DATEVAL_NOEND). */
    private static final int DATE_MINUS_INFINITY = Integer.MIN_VALUE;
    private static final int DATE_INFINITY = Integer.MAX_VALUE;

    /** 2000-01-01, PostgreSQL's day and instant zero. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long POSTGRES_EPOCH_SECOND = POSTGRES_EPOCH_DAY * 86_400L;

    /** Writes a present value: its length, then its bytes. */
    abstract void write(CopyBuffer out, Object value);

    /** Writes a value, or SQL's null. */
    void writeValue(CopyBuffer out, Object value) {
        if (value == null) {
            out.int32(-1);
        } else {
            write(out, value);
        }
    }

    /**
     * The way to write a column of this type, as {@code format_type} names it; empty if the
     * rebuild has none.
     */
    static Optional<CopyColumnType> of(String postgresType) {
        String type = postgresType.replaceAll("\\(.*\\)", "");
        return Optional.ofNullable(switch (type) {
            case "integer" -> INTEGER;
            case "bigint" -> BIGINT;
            case "boolean" -> BOOLEAN;
            case "date" -> DATE;
            case "timestamp with time zone" -> TIMESTAMPTZ;
            case "uuid" -> UUID;
            case "text", "character varying", "json" -> TEXT;
            case "jsonb" -> JSONB;
            default -> null;
        });
    }

    /** Why a value does not fit its column, named, rather than a bare ClassCastException. */
    static IllegalArgumentException misfit(String table, String column, CopyColumnType type, Object value,
                                           RuntimeException cause) {
        return new IllegalArgumentException("A " + value.getClass().getSimpleName() + " cannot be copied into "
                + table + "." + column + " (" + type.name().toLowerCase(Locale.ROOT) + ")", cause);
    }
}
