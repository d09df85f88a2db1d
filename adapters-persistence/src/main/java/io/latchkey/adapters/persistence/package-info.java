/** PostgreSQL over R2DBC: the record of accounts and sessions, the outbox, and transaction boundaries. */
@NullMarked
package io.latchkey.adapters.persistence;

import org.jspecify.annotations.NullMarked;
