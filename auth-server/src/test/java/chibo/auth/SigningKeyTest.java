package chibo.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SigningKeyTest {

    @Test
    void the_key_is_kept_so_tokens_survive_a_restart(@TempDir Path dir) {
        Path file = dir.resolve("keys/signing.jwk");

        var first = SigningKey.load(file);
        var again = SigningKey.load(file);

        assertThat(file).exists();
        assertThat(again.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(again.toPublicJWK()).isEqualTo(first.toPublicJWK());
        assertThat(again.isPrivate()).isTrue();
    }

    @Test
    void without_a_file_each_run_gets_a_fresh_key() {
        assertThat(SigningKey.load(null).getKeyID()).isNotEqualTo(SigningKey.load(null).getKeyID());
    }
}
