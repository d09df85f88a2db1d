package io.latchkey.adapters.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Anchors {@code @WebFluxTest} slices of this module; the real application lives in bootstrap. */
@SpringBootApplication
class WebSliceTestApplication {
}
