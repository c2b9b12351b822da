package kz.region715.dsr.request.domain;

/** The purposes of processing of policy section 3, by clause. */
public enum ProcessingPurpose {
    /** 3.1 User feedback: answering inquiries. */
    FEEDBACK,
    /** 3.2 Provision of services and fulfilment of obligations. */
    SERVICE_PROVISION,
    /** 3.3 Consulting and informing about products and services. */
    CONSULTING,
    /** 3.4 Service quality improvement (depersonalised analytics). */
    SERVICE_IMPROVEMENT,
    /** 3.5 Security assurance. */
    SECURITY
}
