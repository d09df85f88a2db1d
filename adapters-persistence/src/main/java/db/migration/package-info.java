/** Flyway migrations that need Java: those that compute values SQL cannot, such as address keys. */
@NullMarked
package db.migration;

import org.jspecify.annotations.NullMarked;
