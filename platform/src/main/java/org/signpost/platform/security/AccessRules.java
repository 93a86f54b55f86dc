package org.signpost.platform.security;

import java.util.function.Consumer;

/**
 * One side's rows of the role table (docs/access.md): the requests it serves and who may send
 * them. Each side declares one bean of it, so that a new endpoint and its rule are written in the
 * same module; SecurityConfiguration adds the platform's own rows, then every side's, and refuses
 * the rest. No two sides' rows share a method and path, so their order is of no matter.
 *
 * @param side whose rows these are: a process with no rules of a side does not run it (Side)
 * @param rows adds the side's rows to the table
 */
public record AccessRules(Side side, Consumer<AccessTable> rows) {
}
