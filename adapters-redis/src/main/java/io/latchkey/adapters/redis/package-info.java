/** Redis: the per-user auth cache (sessions, profile, purge count) and the scripts that fill and purge it. */
@NullMarked
package io.latchkey.adapters.redis;

import org.jspecify.annotations.NullMarked;
