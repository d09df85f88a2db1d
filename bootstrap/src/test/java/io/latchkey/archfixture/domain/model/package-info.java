/** A fake domain model that breaks the rules on purpose. */
package io.latchkey.archfixture.domain.model;
