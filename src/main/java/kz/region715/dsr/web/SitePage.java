package kz.region715.dsr.web;

import java.util.Arrays;
import java.util.List;
import kz.region715.dsr.request.domain.CorrectableField;
import kz.region715.dsr.request.domain.DataSource;
import kz.region715.dsr.request.domain.ProcessingPurpose;
import kz.region715.dsr.request.domain.RequestType;

/**
 * What a subject page shows besides its translated texts: the operator's
 * name, contacts and policy, the time zone its dates are given in, the
 * language to start in, and the choices the API takes.
 */
public record SitePage(String page, String lang, String operatorName, String contactEmail, String privacyPolicyUrl,
        String timeZone) {

    public List<String> types() {
        return names(RequestType.values());
    }

    public List<String> correctableFields() {
        return names(CorrectableField.values());
    }

    public List<String> purposes() {
        return names(ProcessingPurpose.values());
    }

    public List<String> sources() {
        return names(DataSource.values());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
