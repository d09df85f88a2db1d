package io.latchkey.adapters.web.security;

import org.jspecify.annotations.Nullable;

/**
 * The strict firewall's rule for header values (every character assigned, no control character but tab) without
 * its regular expression, which otherwise scans every request's ~1 KB bearer token. Printable ASCII takes the
 * fast path; anything else is classified exactly as the firewall's pattern does.
 */
final class HeaderValues {

    private HeaderValues() {
    }

    /** An absent header ({@code null}) is allowed, as by the firewall's own predicate. */
    static boolean allowed(@Nullable String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            if (codePoint < 0x20 || codePoint >= 0x7F) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || (type == Character.CONTROL && codePoint != '\t')) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
