package io.payops.tickets;

import io.payops.domain.Dimension;
import io.payops.domain.ErrorSignature;
import io.payops.domain.Incident;
import io.payops.domain.Target;

import java.util.List;

/**
 * Finds the open payment incident a cluster of payment tickets belongs to: the incident whose target overlaps the
 * segment the signature names (gateway, issuer…) and, if it names a merchant, one of the cluster's merchants. The
 * closest target wins (the same segment before a wider or narrower one), then the one whose diagnosis produces the
 * status the merchants' customers saw, then the oldest.
 */
final class IncidentLinker {
    private IncidentLinker() {
    }

    static Incident find(ClusterState c, List<Incident> openIncidents) {
        Target segment = ErrorSignature.paymentTarget(c.signature);
        if (segment.isAll()) {
            return null;
        }
        String status = c.signature.substring(c.signature.lastIndexOf(':') + 1);
        Incident best = null;
        int bestScore = 0;
        for (Incident i : openIncidents) {
            if (!i.open() || !i.diagnosis().isIncident() || !i.target().overlaps(segment)) {
                continue;
            }
            String merchant = i.target().get(Dimension.MERCHANT);
            if (merchant != null && !c.merchants.contains(merchant)) {
                continue;
            }
            Target incidentSegment = i.target().without(Dimension.MERCHANT);
            int score = incidentSegment.equals(segment) ? 30
                    : incidentSegment.within(segment) || segment.within(incidentSegment) ? 20 : 10;
            if (i.diagnosis().faultType() != null && i.diagnosis().faultType().failureStatus().name().equals(status)) {
                score += 5;
            }
            if (score > bestScore || score == bestScore && best != null && i.openedAtMillis() < best.openedAtMillis()) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }
}
