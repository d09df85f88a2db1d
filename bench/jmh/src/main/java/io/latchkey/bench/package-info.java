/** JMH benchmarks behind Latchkey's choice of signing algorithm and password-hash parameters. */
package io.latchkey.bench;
