package chibo.bench;

import chibo.contracts.EventDraft;
import chibo.contracts.EventJson;
import chibo.contracts.EventPayload;
import chibo.contracts.HashChain;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.localstack.GeneratedProvince;
import chibo.testsupport.TestEventKeys;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records shaped like the membership events the province's import will put on Kafka — the event each sampled
 * import line becomes, sealed, signed (with the test key of membership-service) and bound to CloudEvents headers by
 * the contracts' own code — so that a raw producer and consumer move the same bytes and headers as chibo does.
 */
final class SampleEvents {

    private static final int SAMPLE = 2_000;
    private static final String SOURCE = "/chibo/membership-service";
    private static final Map<String, Class<? extends EventPayload>> EVENT_OF_COMMAND = Map.ofEntries(
            Map.entry("enrol", MemberEnrolledFromRegister.class), Map.entry("admit", MemberAdmitted.class),
            Map.entry("swear-in", MemberSwornIn.class), Map.entry("recognize", MemberRecognized.class),
            Map.entry("fail-probation", MemberProbationFailed.class),
            Map.entry("start-transfer", MemberTransferStarted.class),
            Map.entry("receive-transfer", MemberTransferReceived.class),
            Map.entry("record-death", MemberDeceased.class), Map.entry("remove", MemberRemoved.class),
            Map.entry("let-go", MemberLetGo.class), Map.entry("expel", MemberExpelled.class));

    /** A record's value and headers, to send under any key. */
    record Body(byte[] value, List<Header> headers) {
    }

    private SampleEvents() {
    }

    /** Every n-th import line's event, about {@value #SAMPLE} of them, in the file's order. */
    static List<Body> of(GeneratedProvince province) {
        long every = Math.max(1, province.lineCount() / SAMPLE);
        List<Body> sample = new ArrayList<>();
        long index = 0;
        for (GeneratedProvince.Member member : province.members) {
            int seq = 0;
            for (GeneratedProvince.Step step : member.steps) {
                seq++;
                if (index++ % every == 0) {
                    ProducerRecord<String, byte[]> record = TestEventKeys.signed(event(member.id, seq, step));
                    sample.add(new Body(record.value(), List.of(record.headers().toArray())));
                }
            }
        }
        return sample;
    }

    /** The event membership-service records for the line, near enough: same type, fields, sizes and headers. */
    private static chibo.contracts.EventEnvelope event(String memberId, int seq, GeneratedProvince.Step step) {
        ObjectNode line = (ObjectNode) BenchResults.JSON.readTree(step.line());
        String command = line.get("command").asString();
        switch (command) {
            case "enrol" -> line.put("exempted", false).putObject("provenance")
                    .put("register", line.get("register").asString()).put("loadedBy", "central-agency");
            case "swear-in" -> line.put("probationEndsOn", step.date().plusMonths(12).toString());
            case "recognize" -> line.put("officialFrom", step.date().toString());
            case "start-transfer" -> line.put("fromCellId", step.cellId());
            default -> {
            }
        }
        EventPayload payload = EventJson.mapper().treeToValue(line, EVENT_OF_COMMAND.get(command));
        String actingOrg = line.has("decidingOrgId") ? line.get("decidingOrgId").asString() : step.cellId();
        String decision = line.has("decisionNumber") ? line.get("decisionNumber").asString() : null;
        LocalDate effective = step.date();
        return HashChain.seal(new EventDraft(memberId, effective, actingOrg, decision, UUID.randomUUID(), null,
                payload), SOURCE, seq, HashChain.GENESIS, UUID.randomUUID(), Instant.now());
    }
}
