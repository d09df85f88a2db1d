package io.latchkey.adapters.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.latchkey.application.usecase.RecoveryCodes;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Ten single-use recovery codes, shown this once; every earlier set no longer works. */
record RecoveryCodesResponse(
        @JsonProperty("recovery_codes") @ArraySchema(schema = @Schema(example = "abcde-fghjk"), minItems = 10, maxItems = 10)
        List<String> recoveryCodes) {

    static RecoveryCodesResponse from(RecoveryCodes codes) {
        return new RecoveryCodesResponse(codes.codes());
    }

    @Override
    public String toString() {
        return "RecoveryCodesResponse[***]";
    }
}
