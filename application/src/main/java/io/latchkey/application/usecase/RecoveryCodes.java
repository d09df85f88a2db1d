package io.latchkey.application.usecase;

import java.util.List;

/** A fresh set of recovery codes, shown once; every earlier set is void. */
public record RecoveryCodes(List<String> codes) {

    public RecoveryCodes {
        codes = List.copyOf(codes);
    }

    @Override
    public String toString() {
        return "RecoveryCodes[***]";
    }
}
