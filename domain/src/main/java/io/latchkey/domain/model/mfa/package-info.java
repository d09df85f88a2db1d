/** Second factors: TOTP, recovery codes, the MFA challenge at sign-in and the step-up rule. */
@NullMarked
package io.latchkey.domain.model.mfa;

import org.jspecify.annotations.NullMarked;
