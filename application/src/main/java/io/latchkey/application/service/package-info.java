/** The use-case implementations: orchestrate domain rules, ports, transactions and events. */
@NullMarked
package io.latchkey.application.service;

import org.jspecify.annotations.NullMarked;
