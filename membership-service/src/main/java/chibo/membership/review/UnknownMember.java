package chibo.membership.review;

/**
 * A meeting event names a member this service has never recorded. Meeting-service learns its members from the
 * membership topic, so this is not a race to wait out: the record goes to the dead-letter topic, to be replayed
 * once the data is put right.
 */
class UnknownMember extends RuntimeException {

    UnknownMember(String memberId, String eventId) {
        super("member '" + memberId + "' named by meeting event " + eventId + " is not recorded here");
    }
}
