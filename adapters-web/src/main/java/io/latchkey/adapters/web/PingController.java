package io.latchkey.adapters.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A no-op: for load balancers, and the baseline every benchmark ratio is taken against. */
@RestController
class PingController {

    @Operation(operationId = "ping", summary = "Does nothing; for load balancers and benchmarks")
    @ApiResponse(responseCode = "204", description = "Always")
    @GetMapping("/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().build();
    }
}
