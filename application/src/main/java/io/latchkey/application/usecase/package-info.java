/** Inbound ports: one interface per use case, with its command and result records. */
@NullMarked
package io.latchkey.application.usecase;

import org.jspecify.annotations.NullMarked;
