package kz.region715.dsr.lead;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.platform.http.QueryParams;
import kz.region715.dsr.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/leads")
@Tag(name = "Lead store", description = "Applications from the website forms and the Telegram bot.")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private static final String LEAD_EXAMPLE = """
            {"id": "7a1d0c3e-94b2-4f7e-8d7c-2f0b1e6a9c55", "source": "WEB_FORM", "name": "Aigerim Serikova",
             "phone": "+77011234567", "email": "aigerim@example.kz", "message": "Please call me.",
             "ipAddress": "95.56.12.34", "consent": {"at": "2026-03-02T10:00:00Z", "policyVersion": "2025-06",
             "purposes": ["FEEDBACK", "CONSULTING"]}, "receivedAt": "2026-03-02T10:00:00Z",
             "retentionUntil": "2028-03-01T10:00:00Z", "flags": {"processable": true},
             "disclosures": [{"id": "5b0e2c1d-3a4f-4b6c-8d9e-0f1a2b3c4d5e", "recipient": "Kazpost JSC", "purpose": "Delivery of the offer",
                              "legalBasis": "Consent, policy 6.2", "disclosedOn": "2026-03-05",
                              "recordedAt": "2026-03-05T08:00:00Z", "recordedBy": "officer-1"}]}""";

    private final LeadService leads;

    LeadResource(LeadService leads) {
        this.leads = leads;
    }

    @POST
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestLead", summary = "Store a lead", description = "From the website back end or the Telegram bot. A lead of a "
            + "subject whose processing is restricted is stored restricted.")
    @APIResponse(responseCode = "201", description = "Stored; Location names the lead",
            headers = @Header(name = "Location", required = true, description = "The stored lead's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference",
                            examples = "/api/v1/leads/7a1d0c3e-94b2-4f7e-8d7c-2f0b1e6a9c55")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.Ingested.class),
                    examples = @ExampleObject(name = "stored", value = """
                            {"id": "7a1d0c3e-94b2-4f7e-8d7c-2f0b1e6a9c55", "restricted": false}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public RestResponse<LeadView.Ingested> ingest(@Valid @NotNull LeadCommands.Ingest body) {
        LeadView.Ingested stored = leads.ingest(body);
        return RestResponse.ResponseBuilder.<LeadView.Ingested>created(URI.create("/api/v1/leads/" + stored.id()))
                .entity(stored).build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.INGEST)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ingestLeadBatch", summary = "Store leads in a batch", description = "Up to 500, all or nothing: one invalid lead refuses "
            + "the batch, with `errors[].field` such as `leads[3].email`.")
    @APIResponse(responseCode = "201", description = "Stored, in the order given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LeadView.Ingested.class),
                    examples = @ExampleObject(name = "stored", value = """
                            [{"id": "7a1d0c3e-94b2-4f7e-8d7c-2f0b1e6a9c55", "restricted": false},
                             {"id": "0f2b8d4a-1c3e-4a5b-9d6f-7e8a9b0c1d2e", "restricted": true}]""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public RestResponse<List<LeadView.Ingested>> ingestBatch(@Valid @NotNull LeadCommands.Batch body) {
        return RestResponse.status(RestResponse.Status.CREATED, leads.ingestBatch(body));
    }

    @GET
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "findLeads", summary = "Find leads", description = "By e-mail, phone or Telegram user id (any of them matches), "
            + "oldest first, with cursor pagination. Leads whose processing is blocked, whose consent is withdrawn or "
            + "which are anonymised are left out unless includeBlocked=true; their `flags` say why.")
    @APIResponse(responseCode = "200", description = "A page of leads",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.Page.class),
                    examples = @ExampleObject(name = "page", value = "{\"items\": [" + LEAD_EXAMPLE + "], \"nextCursor\": null}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public LeadView.Page find(@QueryParam("email") String email, @QueryParam("phone") String phone,
            @Parameter(description = "Digits") @QueryParam("telegramUserId") String telegramUserId,
            @Parameter(description = "Also blocked, withdrawn and anonymised leads (marked)", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("includeBlocked") String includeBlocked,
            @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 200 (default 50)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        QueryParams parse = new QueryParams();
        String byEmail = parse.text("email", email, 254);
        String byPhone = parse.text("phone", phone, 32);
        String byTelegram = parse.text("telegramUserId", telegramUserId, 20);
        Boolean blocked = parse.bool("includeBlocked", includeBlocked);
        String after = parse.text("cursor", cursor, 200);
        int size = parse.limit(limit, 50, 200);
        parse.done();
        return leads.find(byEmail, byPhone, byTelegram, Boolean.TRUE.equals(blocked), after, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Operation(operationId = "getLead", summary = "A lead", description = "With its consent, flags and disclosures; blocked leads too.")
    @APIResponse(responseCode = "200", description = "The lead",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "lead", value = LEAD_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public LeadView get(@RestPath UUID id) {
        return leads.get(id);
    }

    @POST
    @Path("/{id}/legal-hold")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeLegalHold", summary = "Place a legal hold", description = "Data the law requires to keep: retention and erasure "
            + "leave the lead alone until the hold ends (or indefinitely without `until`).")
    @APIResponse(responseCode = "200", description = "The lead, held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.class),
                    examples = @ExampleObject(name = "held", value = LEAD_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "The lead is anonymised",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public LeadView hold(@RestPath UUID id, @Valid @NotNull LeadCommands.Hold body) {
        return leads.placeLegalHold(id, body);
    }

    @POST
    @Path("/{id}/disclosures")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordDisclosure", summary = "Record a disclosure", description = "A transfer of the lead's data to a third party "
            + "(recipient, purpose, legal basis, date), as policy section 6 allows.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LeadView.DisclosureView.class),
                    examples = @ExampleObject(name = "recorded", value = """
                            {"id": "5b0e2c1d-3a4f-4b6c-8d9e-0f1a2b3c4d5e", "recipient": "Kazpost JSC",
                             "purpose": "Delivery of the offer", "legalBasis": "Consent, policy 6.2",
                             "disclosedOn": "2026-03-05", "recordedAt": "2026-03-05T08:00:00Z", "recordedBy": "officer-1"}""")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<LeadView.DisclosureView> disclose(@RestPath UUID id, @Valid @NotNull LeadCommands.Disclose body) {
        return RestResponse.status(RestResponse.Status.CREATED, leads.disclose(id, body));
    }
}
