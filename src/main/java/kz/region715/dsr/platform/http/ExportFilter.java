package kz.region715.dsr.platform.http;

import java.time.Instant;

/**
 * What an export covers: a time range [from, to), one request reference and
 * one type (of event or of request). Every bad parameter is named in one 400.
 */
public record ExportFilter(Instant from, Instant to, String request, String type) {

    public static final String REFERENCE = "[A-Z0-9-]{1,32}";

    /**
     * @param typeRegex    what a valid {@code type} looks like
     * @param typeExample  said in the error when it does not
     */
    public static ExportFilter parse(String from, String to, String request, String type, String typeRegex,
            String typeExample) {
        QueryParams parse = new QueryParams();
        Instant start = parse.instant("from", from);
        Instant end = parse.instant("to", to);
        parse.ordered("from", start, end);
        ExportFilter filter = new ExportFilter(start, end,
                parse.matching("request", request, REFERENCE, "must be a request reference such as DSR-2026-000042"),
                parse.matching("type", type, typeRegex, "must be " + typeExample));
        parse.done();
        return filter;
    }
}
