package kz.region715.dsr.breach;

import static io.restassured.RestAssured.given;
import static kz.region715.dsr.breach.Breaches.PATH;
import static kz.region715.dsr.breach.Breaches.act;
import static kz.region715.dsr.breach.Breaches.as;
import static kz.region715.dsr.breach.Breaches.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.region715.dsr.support.AuditLog;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BreachAuthorityNoticeTest {

    /** Friday 8 May 2026, 15:00 in Almaty: due at the end of Tuesday 12 May there (Victory Day moved to Monday). */
    static final Instant DETECTED = Instant.parse("2026-05-08T10:00:00Z");

    @Test
    void theJsonNoticeCarriesEveryFieldTheRulesRequire() {
        String id = registered(DETECTED);
        act(id, "assessment", Map.of("assessment", "Names and phones of web leads were exposed.",
                "measuresPlanned", "Access review of every export.")).then().statusCode(200);
        String reference = as("auditor").get(PATH + "/{id}/authority-notice", id).then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("breachId", equalTo(id))
                .body("status", equalTo("ASSESSED"))
                .body("timeZone", equalTo("Asia/Almaty"))
                .body("operator.name", equalTo("Region715"))
                .body("operator.bin", equalTo("123456789012"))
                .body("operator.address", equalTo("Astana, Mangilik El avenue 55/8"))
                .body("operator.contactEmail", equalTo("sales@region715.kz"))
                .body("operator.phone", equalTo("+77172000001"))
                .body("responsible.name", equalTo("Dana Seitkali"))
                .body("responsible.position", equalTo("Data protection officer"))
                .body("responsible.email", equalTo("dpo@region715.kz"))
                .body("responsible.phone", equalTo("+77172000000"))
                .body("detectedAt", equalTo("2026-05-08T10:00:00Z"))
                .body("discovery.method", equalTo("MONITORING"))
                .body("discovery.details", equalTo("Alert of the storage monitor."))
                .body("description", equalTo("The web form's export folder was readable without a login."))
                .body("dataCategories", containsInAnyOrder("NAME", "PHONE"))
                .body("sources", containsInAnyOrder("WEB_FORM"))
                .body("systems", containsInAnyOrder("Website form export"))
                .body("window.from", equalTo("2026-05-07T10:00:00Z"))
                .body("window.to", equalTo("2026-05-08T10:00:00Z"))
                .body("estimatedCount", equalTo(120))
                .body("affectedPeople", equalTo(120))
                .body("affectedPeopleCounted", equalTo(false))
                .body("assessment", equalTo("Names and phones of web leads were exposed."))
                .body("measuresTaken", equalTo("Folder closed; keys rotated."))
                .body("measuresPlanned", equalTo("Access review of every export."))
                .body("authorityDeadline.policy", equalTo("KZ/BREACH_AUTHORITY_NOTICE"))
                .body("authorityDeadline.lastDay", equalTo("2026-05-12"))
                .body("authorityDeadline.dueAt", equalTo("2026-05-12T18:59:59Z"))
                .body("authorityDeadline.citation", containsString("44-VIII"))
                .body("sent", nullValue())
                .body("notNotifiable", nullValue())
                .body("subjectsDataIncluded", equalTo(false))
                .extract().path("reference");
        AuditLog.sequence();
        List<String> lines = AuditLog.lines("request=" + reference);
        assertThat(AuditLog.types(lines)).contains("BREACH_AUTHORITY_NOTICE_GENERATED");
        String generated = lines.stream().filter(l -> l.contains("BREACH_AUTHORITY_NOTICE_GENERATED")).findFirst()
                .orElseThrow();
        assertThat(generated).contains("\"format\":\"json\"", "\"affectedPeople\":120",
                        "\"breachStatus\":\"ASSESSED\"")
                .doesNotContain("Dana", "dpo@", "export folder", "Folder closed");
    }

    @Test
    void theRecordedNoticeAndANotNotifiableDecisionAreInTheDocument() {
        String id = registered(DETECTED);
        act(id, "authority-notification", Map.of("sentAt", "2026-05-11T04:00:00Z", "channel", "PORTAL",
                "reference", "MCRIAP-7781")).then().statusCode(200);
        as("officer").get(PATH + "/{id}/authority-notice", id).then().statusCode(200)
                .body("status", equalTo("AUTHORITY_NOTIFIED"))
                .body("sent.channel", equalTo("PORTAL"))
                .body("sent.reference", equalTo("MCRIAP-7781"))
                .body("sent.late", equalTo(false));
        String other = registered(DETECTED);
        act(other, "not-notifiable", Map.of("legalBasis", "The data was encrypted and the key not exposed.",
                "reference", "Rules, para. 9")).then().statusCode(200);
        Map<String, String> rows = rows(page(other, "ru").xml);
        assertThat(rows).containsEntry("breach/Статус", "не подлежит уведомлению")
                .containsEntry("term/Признано не подлежащим уведомлению",
                        "Rules, para. 9: The data was encrypted and the key not exposed.");
    }

    @Test
    void thePrintablePageInRussian() {
        String id = registered(DETECTED);
        Page page = page(id, "ru");
        assertThat(page.response.header("Content-Language")).isEqualTo("ru");
        assertThat(page.xml.getString("html.@lang")).isEqualTo("ru");
        String reference = as("officer").get(PATH + "/{id}", id).then().extract().path("reference");
        assertThat(page.xml.getString("html.head.title"))
                .isEqualTo("Уведомление о нарушении безопасности персональных данных " + reference);
        assertThat(page.xml.getString("html.body.main.h1")).isEqualTo(page.xml.getString("html.head.title"));
        Map<String, String> rows = rows(page.xml);
        assertThat(rows)
                .containsEntry("operator/Наименование", "Region715")
                .containsEntry("operator/БИН", "123456789012")
                .containsEntry("operator/Адрес", "Astana, Mangilik El avenue 55/8")
                .containsEntry("responsible/Фамилия, имя", "Dana Seitkali")
                .containsEntry("responsible/Должность", "Data protection officer")
                .containsEntry("breach/Номер в реестре", reference)
                .containsEntry("breach/Статус", "обнаружено")
                .containsEntry("breach/Дата и время обнаружения", "8 мая 2026 г., 15:00")
                .containsEntry("breach/Способ обнаружения", "мониторинг систем оператора: Alert of the storage monitor.")
                .containsEntry("breach/Описание нарушения", "The web form's export folder was readable without a login.")
                .containsEntry("breach/Период нарушения", "с 7 мая 2026 г., 15:00 по 8 мая 2026 г., 15:00")
                .containsEntry("data/Категории персональных данных", "имя и фамилия; контактный номер телефона")
                .containsEntry("data/Источники", "форма на сайте")
                .containsEntry("data/Информационные системы", "Website form export")
                .containsEntry("data/Количество затронутых субъектов", "около 120 (оценка)")
                .containsEntry("measures/Принятые меры по устранению нарушения", "Folder closed; keys rotated.")
                .containsEntry("measures/Планируемые меры", "не указано")
                .containsEntry("term/Уведомить уполномоченный орган до", "12 мая 2026 г., 23:59")
                .containsEntry("responsible/Телефон", "+77172000000")
                .containsEntry("responsible/Электронная почта", "dpo@region715.kz")
                .containsEntry("operator/Телефон", "+77172000001")
                .containsEntry("operator/Электронная почта", "sales@region715.kz");
        assertThat(rows.get("term/Основание")).contains("44-VIII");
        assertThat(page.xml.getString("**.find { it.@id == 'subjects' }")).contains("отдельным приложением");
        assertNoScriptAndNoFraming(page);
    }

    @Test
    void thePrintablePageInKazakh() {
        String id = registered(DETECTED);
        Page page = page(id, "kk");
        assertThat(page.response.header("Content-Language")).isEqualTo("kk");
        assertThat(page.xml.getString("html.@lang")).isEqualTo("kk");
        assertThat(page.xml.getString("html.head.title"))
                .startsWith("Дербес деректер қауіпсіздігінің бұзылуы туралы хабарлама BR-");
        Map<String, String> rows = rows(page.xml);
        assertThat(rows)
                .containsEntry("operator/Атауы", "Region715")
                .containsEntry("operator/БСН", "123456789012")
                .containsEntry("responsible/Тегі, аты", "Dana Seitkali")
                .containsEntry("breach/Мәртебесі", "анықталды")
                .containsEntry("breach/Анықталған күні мен уақыты", "2026 ж. 8 мамыр, 15:00")
                .containsEntry("data/Дербес деректердің санаттары", "аты-жөні; байланыс телефонының нөмірі")
                .containsEntry("data/Дереккөздер", "сайттағы нысан")
                .containsEntry("data/Қозғалған субъектілер саны", "шамамен 120 (бағалау)")
                .containsEntry("measures/Бұзушылықты жою үшін қабылданған шаралар", "Folder closed; keys rotated.")
                .containsEntry("term/Уәкілетті органды хабардар ету мерзімі", "2026 ж. 12 мамыр, 23:59");
        assertNoScriptAndNoFraming(page);
        // English, for the operator's own staff
        Page english = page(id, "en");
        assertThat(english.response.header("Content-Language")).isEqualTo("en");
        assertThat(rows(english.xml)).containsEntry("data/Categories of personal data",
                "name and surname; contact phone number")
                .containsEntry("term/Notify the authority by", "12 May 2026, 23:59");
        // Accept: text/html gives the page too, in Russian unless lang says otherwise
        as("auditor").accept("text/html").get(PATH + "/{id}/authority-notice", id).then().statusCode(200)
                .contentType(containsString("text/html")).header("Content-Language", "ru");
    }

    @Test
    void refusals() {
        as("officer").get(PATH + "/{id}/authority-notice", UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        as("officer").get(PATH + "/{id}/authority-notice?format=html&lang=ru", UUID.randomUUID()).then()
                .statusCode(404);
        String id = registered(DETECTED);
        as("officer").accept("text/csv").get(PATH + "/{id}/authority-notice", id).then().statusCode(406)
                .contentType(containsString("application/problem+json"));
        as("officer").get(PATH + "/{id}/authority-notice?format=html&lang=de", id).then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        as("officer").get(PATH + "/{id}/authority-notice?format=pdf", id).then().statusCode(400);
        given().get(PATH + "/{id}/authority-notice", id).then().statusCode(401);
    }

    private record Page(ExtractableResponse<Response> response, XmlPath xml) {
    }

    private static Page page(String id, String lang) {
        ExtractableResponse<Response> response = as("officer")
                .get(PATH + "/{id}/authority-notice?format=html&lang=" + lang, id).then()
                .statusCode(200).contentType(containsString("text/html")).extract();
        return new Page(response, new XmlPath(XmlPath.CompatibilityMode.HTML, response.asString()));
    }

    /** Every labelled row of the page's tables, as "table/label" (the table's id and the th) to its value (td). */
    private static Map<String, String> rows(XmlPath html) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String table : List.of("operator", "responsible", "breach", "data", "measures", "term")) {
            String path = "**.find { it.@id == '" + table + "' }.tbody.tr";
            List<String> labels = html.getList(path + ".th", String.class);
            List<String> values = html.getList(path + ".td", String.class);
            assertThat(labels).as(table).isNotEmpty().hasSameSizeAs(values);
            for (int i = 0; i < labels.size(); i++) {
                assertThat(rows.put(table + "/" + labels.get(i).strip(), values.get(i).strip())).isNull();
            }
        }
        return rows;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNoScriptAndNoFraming(Page page) {
        String body = page.response.asString();
        assertThat(body).doesNotContainIgnoringCase("<script").doesNotContain("javascript:")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
        // One policy: no scripts, no framing, and the page's own style block allowed by its hash
        assertThat(page.response.headers().getValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).startsWith("default-src 'none';")
                        .contains("frame-ancestors 'none'").doesNotContain("script-src", "unsafe-inline"));
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(body);
        assertThat(style.find()).isTrue();
        assertThat(page.response.header("Content-Security-Policy")).contains("style-src 'sha256-"
                + Base64.getEncoder().encodeToString(sha256(style.group(1))) + "'");
        assertThat(page.response.headers().getValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.response.header("Cache-Control")).contains("no-store");
    }
}
