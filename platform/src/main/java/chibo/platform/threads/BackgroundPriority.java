package chibo.platform.threads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs this service's background threads (event consumers, stream processing, the outbox relay, imports) at a lower
 * CPU priority than the threads that answer requests: when the cores are saturated by an import or a rebuild, a
 * dashboard's query still gets them first, and the background work takes what is left, as a database's compactions
 * do. Nothing is lost or slowed when the cores are free.
 *
 * <p>On Linux each thread is a task with its own nice value. The service's threads are found by name in
 * {@code /proc/self/task/<tid>/comm} (the first 15 characters of the Java thread's name) and each one matching a
 * background prefix whose nice is below the target is given it with {@code renice}, which any process may do to its
 * own threads (raising their priority back would need privileges; it is never done). Elsewhere, or without
 * {@code renice}, the service runs as it is and says so once.
 */
public final class BackgroundPriority {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /** Linux keeps the first 15 bytes of a thread's name. */
    static final int COMM_LENGTH = 15;

    private final int nice;
    private final List<String> prefixes;
    private final Path tasks;
    private boolean unavailable;

    /**
     * @param nice     the nice value background threads run at (1–19; higher is a lower priority)
     * @param prefixes the beginnings of the names of the threads that do background work
     */
    public BackgroundPriority(int nice, List<String> prefixes) {
        this(nice, prefixes, Path.of("/proc/self/task"));
    }

    BackgroundPriority(int nice, List<String> prefixes, Path tasks) {
        if (nice < 1 || nice > 19) {
            throw new IllegalArgumentException("a background nice value must be 1 to 19, not " + nice);
        }
        this.nice = nice;
        this.prefixes = prefixes.stream().filter(p -> !p.isBlank())
                .map(p -> p.length() > COMM_LENGTH ? p.substring(0, COMM_LENGTH) : p).distinct().toList();
        this.tasks = tasks;
    }

    /** Lowers every background thread not lowered yet; returns how many it lowered this time. */
    public synchronized int lowerBackgroundThreads() {
        if (unavailable) {
            return 0;
        }
        if (!Files.isDirectory(tasks)) {
            unavailable("this system has no " + tasks);
            return 0;
        }
        int count = 0;
        for (Task task : tasks()) {
            if (task.nice < nice && isBackground(task.name) && lower(task.tid)) {
                count++;
            }
        }
        return count;
    }

    boolean isBackground(String threadName) {
        for (String prefix : prefixes) {
            if (threadName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean lower(long tid) {
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", Long.toString(tid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return false;
            }
            return renice.exitValue() == 0;
        } catch (IOException e) {
            unavailable("renice could not be run (" + e.getMessage() + ")");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void unavailable(String why) {
        unavailable = true;
        LOG.info("Background threads run at the same priority as requests: {}", why);
    }

    private record Task(long tid, String name, int nice) {
    }

    /** The threads of this process now: their ids, names and nice values (a thread ending meanwhile is skipped). */
    private List<Task> tasks() {
        List<Task> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tasks)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                try {
                    long tid = Long.parseLong(entry.getFileName().toString());
                    String name = Files.readString(entry.resolve("comm")).strip();
                    found.add(new Task(tid, name, nice(Files.readString(entry.resolve("stat")))));
                } catch (IOException | NumberFormatException | IndexOutOfBoundsException gone) {
                    // the thread ended while it was read, or the entry is not a thread
                }
            }
        } catch (IOException e) {
            unavailable("its threads could not be listed (" + e.getMessage() + ")");
        }
        return found;
    }

    /** The nice value in a {@code /proc/<pid>/task/<tid>/stat} line: its 19th field, counting after the name. */
    static int nice(String stat) {
        String afterName = stat.substring(stat.lastIndexOf(')') + 2);
        return Integer.parseInt(afterName.split(" ")[16]);
    }
}
