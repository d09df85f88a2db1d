/** Federated sign-in over HTTP: the OpenID Connect client that talks to providers, and the federation endpoints. */
@NullMarked
package io.latchkey.adapters.web.federation;

import org.jspecify.annotations.NullMarked;
