package kz.region715.dsr.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Data of templates/package/package.html: the package, the link to its JSON
 * form, and dates written the subject's way in the operator's time zone.
 */
public record PackagePage(PackageContent content, String jsonUrl, ZoneId zone, Locale locale) {

    public String when(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale).withZone(zone)
                .format(instant);
    }

    public String day(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    public String joined(java.util.List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }
}
