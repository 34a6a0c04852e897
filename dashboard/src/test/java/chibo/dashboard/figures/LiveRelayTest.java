package chibo.dashboard.figures;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiveRelayTest {

    private static List<String> relayed(String stream) throws IOException {
        List<String> sent = new ArrayList<>();
        LiveRelay.events(stream.lines().iterator(), (name, id, data) -> sent.add(name + "|" + id + "|" + data));
        return sent;
    }

    @Test
    void passes_named_events_with_their_id_and_data_and_drops_keep_alives() throws IOException {
        String stream = """
                event:figures
                id:7
                data:{"members":{"total":3}}

                :keep-alive

                event:figures
                id:8
                data:{"members":{"total":4}}

                event:token-expired
                data:the token this stream was opened with has expired

                """;

        assertThat(relayed(stream)).containsExactly(
                "figures|7|{\"members\":{\"total\":3}}",
                "figures|8|{\"members\":{\"total\":4}}",
                "token-expired|null|the token this stream was opened with has expired");
    }

    @Test
    void joins_data_lines_takes_one_space_after_the_colon_and_waits_for_the_blank_line() throws IOException {
        String stream = "event: figures\ndata: {\"a\":\ndata: 1}\n\nevent:figures\ndata:cut off\n";

        assertThat(relayed(stream)).containsExactly("figures|null|{\"a\":\n1}");
    }

    @Test
    void an_event_without_a_name_or_without_data_is_not_passed() throws IOException {
        assertThat(relayed("data:orphan\n\nevent:figures\n\nid:3\n\n")).isEmpty();
    }
}
