package io.latchkey.adapters.web;

/** The body of a 202 that must read the same whatever happened behind it. */
record AcceptedResponse(String message) {
}
