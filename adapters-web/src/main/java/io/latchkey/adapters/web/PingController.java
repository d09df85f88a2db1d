package io.latchkey.adapters.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A no-op: for load balancers, and the baseline every benchmark ratio is taken against. */
@RestController
class PingController {

    @GetMapping("/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }
}
