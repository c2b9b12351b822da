package kz.region715.dsr.lead;

import static kz.region715.dsr.support.Cases.asOfficer;
import static kz.region715.dsr.support.Leads.asIngest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kz.region715.dsr.support.Leads;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadStoreTest {

    @Inject
    EntityManager em;

    /** Mixed case, so that finding a lead by the lower-case address exercises the normalisation. */
    private static String newEmail() {
        return "lead-" + UUID.randomUUID() + "@Example.KZ";
    }

    @Test
    void aLeadIsStoredAndFoundByNormalisedEmailAndPhone() {
        String email = newEmail();
        String phone = Leads.uniquePhone();
        String id = asIngest().body(Leads.body(email, phone, "WEB_FORM")).post("/api/v1/leads").then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/leads/"))
                .extract().path("id");
        Leads.get(id).then().statusCode(200)
                .body("email", equalTo(email))
                .body("phone", startsWith("+7701"))
                .body("consent.purposes", equalTo(List.of("FEEDBACK", "CONSULTING")))
                .body("flags.processable", equalTo(true))
                .body("retentionUntil", org.hamcrest.Matchers.notNullValue());
        asOfficer().queryParam("email", email.toLowerCase()).get("/api/v1/leads").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        asOfficer().queryParam("phone", "8" + phone.replace("+7", "").replace(" ", "")).get("/api/v1/leads").then()
                .body("items.id", hasItem(id));
        // Only keyed hashes are matched: the stored keys are not the clear values.
        String key = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select email_key from lead where id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(key).hasSize(64).doesNotContain("@");
    }

    @Test
    void invalidLeadsAreRefusedFieldByFieldAndNothingIsStored() {
        long before = count();
        Map<String, Object> bad = Leads.body(null, null, "WEB_FORM");
        bad.put("ipAddress", "not-an-ip");
        bad.put("source", "FAX");
        asIngest().body(bad).post("/api/v1/leads").then().statusCode(400)
                .body("errors.field", hasItem("source"));
        Map<String, Object> noContact = Leads.body(null, null, "WEB_FORM");
        noContact.put("ipAddress", "999.1.1.1");
        asIngest().body(noContact).post("/api/v1/leads").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "ipAddress"));
        asIngest().body(Leads.body("nope", "12", "WEB_FORM")).post("/api/v1/leads").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "phone"));
        assertThat(count()).isEqualTo(before);

        Map<String, Object> v6 = Leads.body(newEmail(), null, "WEB_FORM");
        v6.put("ipAddress", "2a02:2168:8a00::1");
        Leads.store(v6);
    }

    @Test
    void aBatchIsAllOrNothing() {
        long before = count();
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            leads.add(Leads.body(newEmail(), null, "WEB_FORM"));
        }
        leads.set(3, Leads.body("broken", null, "WEB_FORM"));
        asIngest().body(Map.of("leads", leads)).post("/api/v1/leads/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("leads[3].email"));
        assertThat(count()).isEqualTo(before);

        leads.set(3, Leads.body(newEmail(), null, "WEB_FORM"));
        List<String> ids = Leads.storeBatch(leads);
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(count()).isEqualTo(before + 5);
    }

    @Test
    void theLargestBatchTheApiTakesFitsTheBodyLimitAndALargerBodyIsA413() throws Exception {
        List<String> messages = List.of("Перезвоните, пожалуйста, по поводу консультации.",
                "Здравствуйте! Хочу записаться на консультацию по кредиту для малого бизнеса, "
                        + "перезвоните мне, пожалуйста, после 18:00. Спасибо.",
                "Сәлеметсіз бе! Маған кеңес беру туралы қоңырау шалыңызшы.",
                "Hello, please send me the price list for corporate clients.");
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, Object> lead = Leads.body("aigerim.serikova." + UUID.randomUUID().toString().substring(0, 8)
                    + "@example.kz", String.format("+7 701 %03d %02d %02d", i % 1000, i % 100, (i * 7) % 100),
                    "WEB_FORM");
            lead.put("name", i % 2 == 0 ? "Айгерим Серикова" : "Нурлан Абдрахманов");
            lead.put("message", messages.get(i % messages.size()));
            lead.put("source", i % 2 == 0 ? "WEB_FORM" : "TELEGRAM_BOT");
            lead.put("cookieId", "GA1.2." + (1_000_000_000L + i) + ".1741000000");
            leads.add(lead);
        }
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("leads", leads));
        assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .as("a realistic full batch: far over the old 64 KiB limit").isBetween(150_000, 300_000);

        long before = count();
        List<String> ids = asIngest().body(body).post("/api/v1/leads/batch").then().statusCode(201)
                .extract().path("id");
        assertThat(ids).hasSize(500);
        assertThat(count()).isEqualTo(before + 500);

        String tooLarge = body.replace(messages.get(1), messages.get(1).repeat(12));
        assertThat(tooLarge.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(512 * 1024);
        asIngest().body(tooLarge).post("/api/v1/leads/batch").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://dsr.region715.kz/problems/payload-too-large"));
        assertThat(count()).isEqualTo(before + 500);
    }

    @Test
    void blockedLeadsAreLeftOutOfListingsAndNewLeadsOfTheSubjectAreStoredBlocked() {
        String email = newEmail();
        String first = Leads.store(email, null, "WEB_FORM");
        String second = Leads.store(email, null, "WEB_FORM");
        QuarkusTransaction.requiringNew().run(() ->
                em.find(Lead.class, UUID.fromString(first)).restrict("Accuracy disputed", java.time.Instant.now()));

        asOfficer().queryParam("email", email).get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(second)));
        asOfficer().queryParam("email", email).queryParam("includeBlocked", "true").get("/api/v1/leads").then()
                .body("items.id", equalTo(List.of(first, second)))
                .body("items.find { it.id == '" + first + "' }.flags.processable", equalTo(false))
                .body("items.find { it.id == '" + first + "' }.flags.restrictionReason", equalTo("Accuracy disputed"));

        asIngest().body(Leads.body(email.toUpperCase(), null, "WEB_FORM")).post("/api/v1/leads").then().statusCode(201)
                .body("restricted", equalTo(true));
        asOfficer().queryParam("email", email).get("/api/v1/leads").then().body("items.id", equalTo(List.of(second)));
    }

    @Test
    void disclosuresAreRecordedOnTheLead() {
        String id = Leads.store(newEmail(), null, "WEB_FORM");
        Leads.disclose(id, "Kazpost JSC", "privacy@kazpost.kz").body("recordedBy", equalTo("officer"));
        Leads.get(id).then()
                .body("disclosures.recipient", equalTo(List.of("Kazpost JSC")))
                .body("disclosures[0].disclosedOn", equalTo("2026-03-05"));
        asOfficer().body(Map.of("recipient", "X")).post("/api/v1/leads/{id}/disclosures", id).then().statusCode(400);
        asOfficer().body(Map.of("recipient", "X", "purpose", "p", "legalBasis", "b", "disclosedOn", "2026-03-05"))
                .post("/api/v1/leads/{id}/disclosures", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void pagesFollowTheCursor() {
        String email = newEmail();
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> lead = Leads.body(email, null, "WEB_FORM");
            lead.put("receivedAt", "2026-01-0" + (i + 1) + "T10:00:00Z");
            stored.add(Leads.store(lead));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = asOfficer().queryParam("email", email).queryParam("limit", "3");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/leads").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(stored);
        asOfficer().queryParam("limit", "0").get("/api/v1/leads").then().statusCode(400);
    }

    private long count() {
        return QuarkusTransaction.requiringNew().call(
                () -> em.createQuery("select count(l) from Lead l", Long.class).getSingleResult());
    }
}
