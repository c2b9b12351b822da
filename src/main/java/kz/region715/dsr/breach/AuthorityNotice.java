package kz.region715.dsr.breach;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import kz.region715.dsr.breach.domain.NoticeChannel;

/** The officer's record that the authority was notified: when, how, and the reference it gave. */
@Embeddable
class AuthorityNotice {

    @Column(name = "authority_sent_at")
    private Instant sentAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "authority_channel")
    private NoticeChannel channel;
    @Column(name = "authority_reference")
    private String reference;
    @Column(name = "authority_recorded_at")
    private Instant recordedAt;
    @Column(name = "authority_recorded_by")
    private String recordedBy;

    protected AuthorityNotice() {
    }

    AuthorityNotice(Instant sentAt, NoticeChannel channel, String reference, Instant recordedAt, String recordedBy) {
        this.sentAt = sentAt;
        this.channel = channel;
        this.reference = reference;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    /** Hibernate gives an embeddable whose columns are all null as null; this tells a recorded one apart. */
    boolean isRecorded() {
        return sentAt != null;
    }

    Instant sentAt() {
        return sentAt;
    }

    NoticeChannel channel() {
        return channel;
    }

    String reference() {
        return reference;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    String recordedBy() {
        return recordedBy;
    }
}
