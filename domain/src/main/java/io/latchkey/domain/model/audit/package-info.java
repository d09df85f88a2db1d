/** The audit trail: who did what to which account, from where, kept for the retention period. */
@NullMarked
package io.latchkey.domain.model.audit;

import org.jspecify.annotations.NullMarked;
