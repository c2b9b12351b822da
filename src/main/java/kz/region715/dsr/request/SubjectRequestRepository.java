package kz.region715.dsr.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.region715.dsr.request.domain.RequestStatus;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;

@ApplicationScoped
public class SubjectRequestRepository implements PanacheRepositoryBase<SubjectRequest, UUID> {

    private static final String REFERENCE_SEQUENCE = "request_reference_seq";

    /** The next number for a public reference, from a database sequence (unique across replicas). */
    public long nextReferenceNumber() {
        Session session = getEntityManager().unwrap(Session.class);
        String sql = ((SessionFactoryImplementor) session.getSessionFactory()).getJdbcServices().getDialect()
                .getSequenceSupport().getSequenceNextValString(REFERENCE_SEQUENCE);
        return ((Number) getEntityManager().createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** Ids of unverified requests filed before {@code cutoff}, oldest first. */
    public List<UUID> unverifiedFiledBefore(Instant cutoff, int limit) {
        return getEntityManager().createQuery(
                        "select r.id from SubjectRequest r where r.status = :status and r.receivedAt < :cutoff"
                                + " order by r.receivedAt", UUID.class)
                .setParameter("status", RequestStatus.PENDING_VERIFICATION)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }
}
