package chibo.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's reading of {@code /proc}: what each process, and each process's JIT compiler, spent. */
class ProcessMeterTest {

    @Test
    void a_stat_line_gives_user_and_system_time_whatever_the_name_holds() {
        long ticks = 100; // USER_HZ on Linux
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 0 0 0 0 " + 3 * ticks + " " + ticks
                + " 0 0 20 0 30 0 123 0 0";
        String odd = "4243 (a) b (c) R 1 4242 4242 0 -1 4194368 0 0 0 0 " + ticks + " 0 0 0 20 0 30 0 123 0 0";

        assertThat(ProcessMeter.cpuMillis(stat)).isEqualTo(4_000);
        assertThat(ProcessMeter.cpuMillis(odd)).isEqualTo(1_000);
    }

    @Test
    void this_jvms_compiler_threads_are_found_and_counted_apart_from_its_whole_cpu() throws IOException {
        try (ProcessMeter meter = new ProcessMeter(Map.of("self", ProcessHandle.current().pid()), Map.of(),
                null)) {
            ProcessMeter.Snapshot snapshot = meter.snapshot();
            boolean compiles = Files.list(Path.of("/proc/self/task")).anyMatch(task -> {
                try {
                    String comm = Files.readString(task.resolve("comm"));
                    return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
                } catch (IOException gone) {
                    return false;
                }
            });
            assertThat(compiles).as("HotSpot runs a JIT compiler thread (C1 alone in the tests)").isTrue();
            assertThat(snapshot.jitMillis()).containsKey("self");
            assertThat(snapshot.jitMillis().get("self")).isBetween(0L, snapshot.cpuMillis().get("self"));
        }
    }

    @Test
    void the_services_heap_is_the_last_xmx_given_them_or_the_stacks_512_mb() {
        assertThat(ProcessMeter.servicesMaxHeapMb("")).isEqualTo(512);
        assertThat(ProcessMeter.servicesMaxHeapMb("-XX:+UseG1GC -Xmx2g")).isEqualTo(2048);
        assertThat(ProcessMeter.servicesMaxHeapMb("-Xmx1500m -Xmx2560m")).isEqualTo(2560);
        assertThat(ProcessMeter.servicesMaxHeapMb("-Xmx1073741824")).isEqualTo(1024);
    }
}
