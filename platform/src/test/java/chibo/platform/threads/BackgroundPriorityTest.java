package chibo.platform.threads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BackgroundPriorityTest {

    private static final Path TASKS = Path.of("/proc/self/task");

    @Test
    void a_background_thread_is_lowered_and_a_request_thread_is_left_as_it_was() throws Exception {
        assumeTrue(Files.isDirectory(TASKS), "threads have their own nice values on Linux only");
        CountDownLatch done = new CountDownLatch(1);
        Thread background = Thread.ofPlatform().name("chibo-test-bg-consumer-0-C-1").start(() -> awaitEnd(done));
        Thread request = Thread.ofPlatform().name("chibo-test-request-1").start(() -> awaitEnd(done));
        try {
            // a thread has its name on Linux once it runs
            long backgroundTid = await().until(() -> tidOf(background), tid -> tid > 0);
            long requestTid = await().until(() -> tidOf(request), tid -> tid > 0);
            int requestNiceBefore = niceOf(requestTid);

            int lowered = new BackgroundPriority(10, List.of("chibo-test-bg-consumer-")).lowerBackgroundThreads();

            assertThat(lowered).isEqualTo(1);
            assertThat(niceOf(backgroundTid)).isEqualTo(10);
            assertThat(niceOf(requestTid)).isEqualTo(requestNiceBefore);
            assertThat(new BackgroundPriority(10, List.of("chibo-test-bg-consumer-")).lowerBackgroundThreads())
                    .as("a thread lowered already is not lowered again").isZero();
        } finally {
            done.countDown();
            background.join();
            request.join();
        }
    }

    @Test
    void a_prefix_longer_than_the_name_linux_keeps_still_matches() {
        BackgroundPriority priority = new BackgroundPriority(10, List.of("chibo-reporting-", "imports"));

        assertThat(priority.isBackground("chibo-reporting")).isTrue();
        assertThat(priority.isBackground("imports")).isTrue();
        assertThat(priority.isBackground("ForkJoinPool-1-")).isFalse();
        assertThat(priority.isBackground("http-nio-8080-P")).isFalse();
    }

    @Test
    void the_nice_value_is_read_after_a_name_holding_spaces_and_parentheses() {
        String stat = "4242 (kafka-pro (x) y) S 1 4200 4200 0 -1 4194368 100 0 0 0 12 3 0 0 30 10 48 0 "
                + "123456 0 0";

        assertThat(BackgroundPriority.nice(stat)).isEqualTo(10);
    }

    @Test
    void without_the_threads_listed_the_service_runs_as_it_is(@TempDir Path empty) {
        BackgroundPriority priority = new BackgroundPriority(10, List.of("imports"), empty.resolve("no-such-dir"));

        assertThat(priority.lowerBackgroundThreads()).isZero();
        assertThat(priority.lowerBackgroundThreads()).isZero();
    }

    @Test
    void a_nice_value_outside_one_to_nineteen_is_refused() {
        assertThatThrownBy(() -> new BackgroundPriority(0, List.of("imports")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 19");
        assertThatThrownBy(() -> new BackgroundPriority(20, List.of("imports")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitEnd(CountDownLatch done) {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The thread's id on Linux, found by the part of its name Linux keeps; 0 while it has not started. */
    private static long tidOf(Thread thread) throws IOException {
        String comm = thread.getName().substring(0, BackgroundPriority.COMM_LENGTH);
        try (Stream<Path> entries = Files.list(TASKS)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                try {
                    if (Files.readString(entry.resolve("comm")).strip().equals(comm)) {
                        return Long.parseLong(entry.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        return 0;
    }

    private static int niceOf(long tid) throws IOException {
        return BackgroundPriority.nice(Files.readString(TASKS.resolve(tid + "/stat")));
    }
}
