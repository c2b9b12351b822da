package kz.region715.dsr.casework;

import static kz.region715.dsr.support.Cases.act;
import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Cases.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.region715.dsr.support.Leads;
import kz.region715.dsr.support.Subjects;
import org.junit.jupiter.api.Test;

/** Finding the subject's data in the lead store, confirming the phone, excluding false matches. */
@QuarkusTest
class CaseMatchesTest {

    @Inject
    Subjects subjects;

    @Test
    void leadsMatchByVerifiedEmailAndByAConfirmedPhone() {
        String email = Subjects.newEmail();
        String phone = Leads.uniquePhone();
        String byEmail = Leads.store(email.toUpperCase(), null, "WEB_FORM");
        String byEmailToo = Leads.store(email, null, "TELEGRAM_BOT");
        String byPhone = Leads.store(null, phone, "TELEGRAM_BOT");
        String unrelated = Leads.store(Subjects.newEmail(), Leads.uniquePhone(), "WEB_FORM");
        Map<String, Object> body = new HashMap<>(Subjects.access(email));
        body.put("phone", phone);
        Subjects.Verified c = subjects.fileAndVerify(body, email);
        subjects.mailTo(email);

        asOfficer().get("/api/v1/cases/{id}/matches", c.id()).then().statusCode(200)
                .body("leads.lead.id", org.hamcrest.Matchers.containsInAnyOrder(byEmail, byEmailToo, byPhone))
                .body("leads.find { it.lead.id == '" + byEmail + "' }.matchedBy", equalTo(List.of("EMAIL")))
                .body("leads.find { it.lead.id == '" + byEmail + "' }.included", equalTo(true))
                .body("leads.find { it.lead.id == '" + byPhone + "' }.matchedBy", equalTo(List.of("PHONE")))
                .body("leads.find { it.lead.id == '" + byPhone + "' }.included", equalTo(false))
                .body("leads.find { it.lead.id == '" + byPhone + "' }.needsConfirmation", equalTo(true))
                .body("serviceRecords.requests.id", hasItem(c.id()))
                .body("serviceRecords.emails.kind", hasItems("VERIFICATION", "ACKNOWLEDGEMENT"));
        assertThat(unrelated).isNotNull();

        act(c.id(), "phone-confirmation", null).then().statusCode(200)
                .body("timeline.kind", hasItem("MATCH_CONFIRMED"));
        asOfficer().get("/api/v1/cases/{id}/matches", c.id()).then()
                .body("leads.find { it.lead.id == '" + byPhone + "' }.included", equalTo(true));
    }

    @Test
    void aFalseMatchIsExcludedWithAReasonBeforeTheDecisionOnly() {
        String email = Subjects.newEmail();
        String mine = Leads.store(email, null, "WEB_FORM");
        String colleague = Leads.store(email, null, "WEB_FORM");
        Subjects.Verified c = subjects.fileAndVerify(Subjects.access(email), email);

        act(c.id(), "matches/" + colleague + "/exclusion", Map.of("reason", "A colleague's lead from a shared mailbox."))
                .then().statusCode(200)
                .body("timeline.find { it.kind == 'MATCH_EXCLUDED' }.actor", equalTo("officer"));
        asOfficer().get("/api/v1/cases/{id}/matches", c.id()).then()
                .body("leads.find { it.lead.id == '" + colleague + "' }.included", equalTo(false))
                .body("leads.find { it.lead.id == '" + colleague + "' }.exclusion.reason",
                        equalTo("A colleague's lead from a shared mailbox."))
                .body("leads.find { it.lead.id == '" + mine + "' }.included", equalTo(true));

        act(c.id(), "matches/" + colleague + "/exclusion", Map.of("reason", "again")).then().statusCode(409)
                .body("type", equalTo("https://dsr.region715.kz/problems/already-excluded"));
        act(c.id(), "matches/" + Leads.store(Subjects.newEmail(), null, "WEB_FORM") + "/exclusion",
                Map.of("reason", "not even a match")).then().statusCode(404);
        act(c.id(), "matches/" + mine + "/exclusion", Map.of()).then().statusCode(400);

        act(c.id(), "approval", Map.of()).then().statusCode(200);
        act(c.id(), "matches/" + mine + "/exclusion", Map.of("reason", "too late")).then().statusCode(409)
                .body("currentStatus", equalTo("APPROVED"));
    }

    @Test
    void aPhoneCanOnlyBeConfirmedWhenTheSubjectGaveOne() {
        String email = Subjects.newEmail();
        Subjects.Verified c = subjects.fileAndVerify(Subjects.access(email), email);
        act(c.id(), "phone-confirmation", null).then().statusCode(422)
                .body("type", equalTo("https://dsr.region715.kz/problems/no-phone"));
        read(c.id()).then().statusCode(200);
    }
}
