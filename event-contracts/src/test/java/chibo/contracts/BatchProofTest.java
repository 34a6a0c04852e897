package chibo.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchProofTest {

    /**
     * The leaves and roots that Certificate Transparency's implementations test their RFC 6962 / 9162 trees with:
     * the root of the first n of these leaves, for n from 1 to 8.
     */
    private static final List<String> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void the_tree_is_the_one_certificate_transparency_builds() {
        for (int n = 1; n <= CT_LEAVES.size(); n++) {
            List<byte[]> leaves = new ArrayList<>();
            CT_LEAVES.subList(0, n).forEach(hex -> leaves.add(HexFormat.of().parseHex(hex)));

            assertThat(HexFormat.of().formatHex(BatchProof.tree(leaves).root())).as("root of %d leaves", n)
                    .isEqualTo(CT_ROOTS.get(n - 1));
        }
    }

    @ParameterizedTest(name = "a batch of {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 31, 63, 64})
    void every_records_proof_leads_from_its_own_message_to_the_root_and_no_other_messages_does(int size) {
        List<byte[]> messages = messages(size, new Random(size));
        BatchProof.Tree tree = BatchProof.tree(messages);

        for (int i = 0; i < size; i++) {
            BatchProof.Proof proof = BatchProof.parse(tree.proof(i).header());

            assertThat(proof.root(messages.get(i))).isEqualTo(tree.root());
            assertThat(proof.path()).hasSizeLessThanOrEqualTo(Integer.SIZE - Integer.numberOfLeadingZeros(size - 1));
            if (size > 1) {
                assertThat(proof.root(messages.get((i + 1) % size))).isNotEqualTo(tree.root());
                BatchProof.Proof elsewhere = new BatchProof.Proof((i + 1) % size, size, proof.path());
                assertThat(elsewhere.root(messages.get(i))).isNotEqualTo(tree.root());
            }
        }
    }

    @Test
    void a_proof_claiming_another_place_or_batch_size_does_not_lead_to_the_signed_statement() {
        List<byte[]> messages = messages(13, new Random(7));
        BatchProof.Tree tree = BatchProof.tree(messages);
        BatchProof.Proof proof = tree.proof(12);
        byte[] signed = BatchProof.statement(13, tree.root());

        for (int size = 1; size <= 64; size++) {
            for (int index = 0; index < size; index++) {
                byte[] root = new BatchProof.Proof(index, size, proof.path()).root(messages.get(12));
                boolean leadsToSigned = root != null && Arrays.equals(BatchProof.statement(size, root), signed);
                assertThat(leadsToSigned).as("claimed %d of %d", index, size).isEqualTo(index == 12 && size == 13);
            }
        }
    }

    @Test
    void the_statement_names_the_size_and_the_root() {
        byte[] root = HexFormat.of().parseHex(CT_ROOTS.get(2));

        assertThat(new String(BatchProof.statement(3, root), StandardCharsets.UTF_8))
                .isEqualTo("chibo-event-batch\n3\n" + CT_ROOTS.get(2));
    }

    @Test
    void a_malformed_header_says_what_is_wrong() {
        assertThatThrownBy(() -> BatchProof.parse("3/2/")).hasMessageContaining("not within a batch of 2");
        assertThatThrownBy(() -> BatchProof.parse("-1/2/")).hasMessageContaining("not within");
        assertThatThrownBy(() -> BatchProof.parse("x/2/")).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> BatchProof.parse("1/2")).hasMessageContaining("<index>/<size>/<hashes>");
        assertThatThrownBy(() -> BatchProof.parse("1/2/***")).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> BatchProof.parse("1/2/AAAA")).hasMessageContaining("whole SHA-256");
        assertThatThrownBy(() -> BatchProof.tree(List.of())).hasMessageContaining("at least one");
    }

    private static List<byte[]> messages(int size, Random random) {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            byte[] message = new byte[1 + random.nextInt(600)];
            random.nextBytes(message);
            messages.add(message);
        }
        return messages;
    }
}
