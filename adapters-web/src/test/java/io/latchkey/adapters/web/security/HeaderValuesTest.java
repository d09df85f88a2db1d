package io.latchkey.adapters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The hand-written header-value rule decides exactly as Spring Security's strict firewall pattern does. */
class HeaderValuesTest {

    @Test
    void givenEdgeCases_bothRulesAgree() {
        for (String value : new String[] {"", "Bearer abc.def.ghi", "tab\tok", "new\nline", "nul\0", "del\u007f",
                "é ü 漢字", "\u0085next-line", "\uD83D\uDE00 emoji", "\uD83D lone surrogate", "\u0378 unassigned",
                "\u00a0nbsp", "\u200bzero-width"}) {
            assertThat(HeaderValues.allowed(value)).as(value)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
        }
    }

    @Test
    void givenAnAbsentHeader_bothRulesAllowIt() {
        assertThat(HeaderValues.allowed(null)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(null)).isTrue();
    }

    @Test
    void givenRandomStrings_bothRulesAgree() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 100_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(4);
                value.appendCodePoint(pick == 0 ? random.nextInt(0x80) : pick == 1 ? random.nextInt(0x800)
                        : pick == 2 ? random.nextInt(0x10000) : random.nextInt(0x110000));
            }
            String candidate = value.toString();
            assertThat(HeaderValues.allowed(candidate)).as("%s", candidate.codePoints().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(candidate));
        }
    }
}
