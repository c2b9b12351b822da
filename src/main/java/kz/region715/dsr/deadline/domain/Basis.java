package kz.region715.dsr.deadline.domain;

/** Where a term comes from: the law itself, or the operator's own target where the law names no number. */
public enum Basis {
    STATUTORY,
    INTERNAL_TARGET
}
