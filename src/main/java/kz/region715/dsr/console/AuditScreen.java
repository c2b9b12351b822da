package kz.region715.dsr.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import kz.region715.dsr.audit.AuditExport;
import kz.region715.dsr.audit.ChainVerification;
import kz.region715.dsr.audit.TreeHeads;
import kz.region715.dsr.casework.RequestReport;
import kz.region715.dsr.platform.domain.DomainRuleViolation;
import kz.region715.dsr.platform.http.ExportFilter;
import kz.region715.dsr.platform.operator.OperatorConfig;
import kz.region715.dsr.request.domain.RequestType;

/**
 * The auditor's page: the API's exports, chain verification and tree head, with dates as people type them (days in
 * the operator's time zone) turned into the API's instants.
 */
@ApplicationScoped
public class AuditScreen {

    private final AuditExport events;
    private final RequestReport requests;
    private final ChainVerification verification;
    private final TreeHeads treeHeads;
    private final ZoneId zone;

    AuditScreen(AuditExport events, RequestReport requests, ChainVerification verification, TreeHeads treeHeads,
            OperatorConfig operator) {
        this.events = events;
        this.requests = requests;
        this.verification = verification;
        this.treeHeads = treeHeads;
        this.zone = operator.timeZone();
    }

    /** An export as asked in the form: events or requests, CSV or NDJSON, and the API's filters. */
    public record Export(boolean requests, boolean csv, String from, String to, String type, String reference) {
    }

    public TreeHeads.Status treeHead() {
        return treeHeads.status();
    }

    public ChainVerification.Result verify(String from, String to) {
        ExportFilter range = filter(new Export(false, false, from, to, null, null));
        return verification.verify(range.from(), range.to());
    }

    /** Checks the filters (INVALID names each bad one) before anything is streamed. */
    public ExportFilter filter(Export export) {
        String type = blank(export.type()) ? null : export.type().strip();
        String reference = blank(export.reference()) ? null : export.reference().strip();
        return export.requests()
                ? ExportFilter.parse(instant("from", export.from()), instant("to", export.to()), reference, type,
                        "ACCESS|CORRECTION|RESTRICTION|DELETION|WITHDRAWAL", "one of " + List.of(RequestType.values()))
                : ExportFilter.parse(instant("from", export.from()), instant("to", export.to()), reference, type,
                        "[A-Z_]{1,40}", "an event type such as APPROVED");
    }

    public void write(Export export, ExportFilter filter, OutputStream out) {
        if (export.requests()) {
            requests.write(filter, export.csv(), out);
        } else {
            events.write(filter, export.csv(), events.snapshot().chainSize(), out);
        }
    }

    /** A day typed in the form as the instant its day starts in the operator's time zone (the API's format). */
    private String instant(String field, String day) {
        if (blank(day)) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).atStartOfDay(zone).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw DomainRuleViolation.invalidField(field, "must be a date such as 2026-03-01");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
