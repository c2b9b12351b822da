package kz.region715.dsr.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The objects and personal values the suite seeds through the normal API before it attacks: existing ids to put in
 * paths, a pending request's code, a verified request's access token, and the distinctive personal values searched
 * for in error bodies and log lines.
 */
final class Seeds {

    /** Letters that never occur in UUIDs or hex, so a marker cannot match an id by chance. */
    static String marker(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('g' + random.nextInt(20)));
        }
        return s.toString();
    }

    final String marker;
    final String name;
    final String email;
    final String phone;          // as filed
    final String phoneE164;
    final String phoneDigitsSpaced;
    final String message;
    /** The e-mail address the hostile requests place in paths, queries and bodies. */
    final String leakEmail;
    /** The address of the valid requests the generator files. */
    final String genEmail;

    final List<String> caseIds = new ArrayList<>();      // verified requests = cases, officers' side
    final List<String> leadIds = new ArrayList<>();
    final List<String> outboxIds = new ArrayList<>();
    final List<String> breachIds = new ArrayList<>();    // the breach register
    String pendingRequestId;                               // PENDING_VERIFICATION, for verification calls
    String pendingCode;
    String verifiedRequestId;                              // with an access token, for the subject's calls
    String accessToken;
    String corpusCaseId;                                    // kept open for the corpus ({"note":true} must not approve)

    Seeds(Random random) {
        marker = marker(random, 10);
        String nameMark = marker(random, 8);
        name = "Zhanargul Hostile" + nameMark.substring(0, 1).toUpperCase() + nameMark.substring(1);
        email = "hostile." + marker + "@example.kz";
        String digits = String.format("%04d", random.nextInt(10_000));
        phone = "+7 701 555 " + digits.substring(0, 2) + " " + digits.substring(2);
        phoneE164 = "+7701555" + digits;
        phoneDigitsSpaced = "701 555 " + digits.substring(0, 2) + " " + digits.substring(2);
        message = "secret hostile message " + marker(random, 9);
        leakEmail = "leak." + marker(random, 9) + "@example.kz";
        genEmail = "gen." + marker(random, 9) + "@example.kz";
    }

    /** What must appear in no error body and no log line. */
    List<String> secrets() {
        return List.of(marker, name.substring("Zhanargul ".length()), phoneE164, phoneDigitsSpaced,
                message.substring("secret hostile message ".length()), leakEmail, leakEmail.substring(0,
                        leakEmail.indexOf('@')), genEmail.substring(0, genEmail.indexOf('@')));
    }
}
