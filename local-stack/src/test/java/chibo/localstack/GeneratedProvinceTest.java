package chibo.localstack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated province is the same, byte for byte, for the same seed: in this JVM and in any other. */
class GeneratedProvinceTest {

    private static List<String> lines(long seed) {
        return GeneratedProvince.generate(new Random(seed), "GP", 0.02).members.stream()
                .flatMap(member -> member.steps.stream()).map(GeneratedProvince.Step::line).toList();
    }

    @Test
    void the_same_seed_writes_the_same_lines() {
        assertThat(lines(7)).isEqualTo(lines(7)).isNotEqualTo(lines(8));
    }

    @Test
    void an_admissions_objects_keep_their_keys_in_the_order_written_whatever_the_jvm() {
        String admission = lines(7).stream().filter(line -> line.startsWith("{\"command\":\"admit\""))
                .findFirst().orElseThrow();

        assertThat(admission).contains("\"vote\":{\"officialMembers\":12,\"temporarilyTransferredOut\":0,"
                + "\"exemptedAbsent\":0,\"inFavour\":11}");
        assertThat(admission).containsPattern("\"introducers\":\\[\\{\"memberId\":\"[^\"]+\",\"workedWithSince\":");
        assertThat(admission).containsPattern("\"awarenessCertificate\":\\{\"number\":\"[^\"]+\",\"issuedOn\":");
    }
}
