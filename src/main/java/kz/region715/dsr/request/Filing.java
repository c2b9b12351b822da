package kz.region715.dsr.request;

import kz.region715.dsr.request.domain.RequestType;

/** What every way of filing a request gives (the web intake and the bot), checked by {@link ConsistentRequest}. */
interface Filing {
    RequestType type();

    /** The address given; null where the channel has none (the bot). */
    String email();

    String name();

    String phone();

    String locale();

    RequestDetails.Correction correction();

    RequestDetails.Restriction restriction();

    RequestDetails.Withdrawal withdrawal();

    RequestDetails.Deletion deletion();

    default RequestDetails details() {
        return new RequestDetails(correction(), restriction(), withdrawal(), deletion());
    }
}
