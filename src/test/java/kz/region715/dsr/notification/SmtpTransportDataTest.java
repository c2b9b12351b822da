package kz.region715.dsr.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The data as it goes on the wire: CRLF line ends, a leading dot doubled (RFC 5321 4.5.2). */
class SmtpTransportDataTest {

    @Test
    void linesEndInCrlfAndALeadingDotIsDoubled() {
        assertThat(wire("a\n.b\r\n..c\n")).isEqualTo("a\r\n..b\r\n...c\r\n");
        assertThat(wire("last line without end")).isEqualTo("last line without end\r\n");
        assertThat(wire(".\n")).as("a lone dot never ends the data early").isEqualTo("..\r\n");
    }

    private static String wire(String data) {
        return new String(SmtpTransport.dotStuffed(data), StandardCharsets.UTF_8);
    }
}
