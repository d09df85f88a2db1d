/** Small helpers shared by the bootstrap module's tests. */
package io.latchkey.bootstrap.testing;
