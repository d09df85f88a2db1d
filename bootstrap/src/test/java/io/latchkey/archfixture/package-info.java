/** Deliberately broken classes that prove the architecture rules fail when they should. */
package io.latchkey.archfixture;
