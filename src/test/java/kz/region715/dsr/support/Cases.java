package kz.region715.dsr.support;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.deadline.Deadlines;
import kz.region715.dsr.request.Contact;
import kz.region715.dsr.request.SubjectRequest;
import kz.region715.dsr.request.SubjectRequestRepository;
import kz.region715.dsr.request.domain.Channel;
import kz.region715.dsr.request.domain.EmailAddress;
import kz.region715.dsr.request.domain.Reference;
import kz.region715.dsr.request.domain.RequestType;
import kz.region715.dsr.request.domain.SubjectLocale;

/** Officers' side of tests: calls as the local officer user, and bulk creation of verified cases. */
@ApplicationScoped
public class Cases {

    private final SubjectRequestRepository requests;
    private final Deadlines deadlines;

    Cases(SubjectRequestRepository requests, Deadlines deadlines) {
        this.requests = requests;
        this.deadlines = deadlines;
    }

    public static RequestSpecification asOfficer() {
        return given().auth().preemptive().basic("officer", "officer").contentType(ContentType.JSON);
    }

    public static Response read(String id) {
        return asOfficer().get("/api/v1/cases/{id}", id);
    }

    public static String etag(String id) {
        return read(id).then().statusCode(200).extract().header("ETag");
    }

    /** An officer action with the case's current ETag. */
    public static Response act(String id, String action, Object body) {
        RequestSpecification request = asOfficer().header("If-Match", etag(id));
        if (body != null) {
            request.body(body);
        }
        return request.post("/api/v1/cases/{id}/" + action, id);
    }

    /** The request as stored now, read in a transaction of its own. */
    public static SubjectRequest load(String id) {
        SubjectRequestRepository requests = Arc.container().instance(SubjectRequestRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() -> requests.findById(UUID.fromString(id)));
    }

    /** Verified KZ cases received at the given instants, created directly (for queue and job tests). */
    public List<UUID> verifiedCases(RequestType type, List<Instant> receivedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (Instant at : receivedAt) {
                SubjectRequest request = SubjectRequest.file(UUID.randomUUID(),
                        new Reference("DSR-2020-" + (100_000_000L + requests.nextReferenceNumber())), type, Channel.WEB,
                        SubjectLocale.EN, new Contact(EmailAddress.parse("bulk-" + UUID.randomUUID() + "@example.kz"),
                                "Bulk Subject", null), UUID.randomUUID().toString(), "{}", at);
                request.markVerified(at, null);
                request.startDeadline("KZ", deadlines.start("KZ", type.name(), at, at), at);
                requests.persist(request);
                ids.add(request.id());
            }
            return ids;
        });
    }
}
