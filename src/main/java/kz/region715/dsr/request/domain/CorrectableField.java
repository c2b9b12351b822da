package kz.region715.dsr.request.domain;

/** The fields a subject may ask to correct (policy 7.3). */
public enum CorrectableField {
    NAME,
    PHONE,
    EMAIL,
    MESSAGE
}
