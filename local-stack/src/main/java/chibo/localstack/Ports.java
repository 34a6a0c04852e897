package chibo.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** The ports of the stack's processes. */
public record Ports(int kafka, int kafkaController, int mongo, int auth, int membership, int meeting,
                    int reporting, int dashboard) {

    /** The ports the README and the demo clients name. */
    public static Ports defaults() {
        return new Ports(9092, 9093, 27017, 9000, 8081, 8082, 8083, 8080);
    }

    /** Free ports chosen by the operating system, for tests that run beside other things. */
    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort());
    }

    /**
     * Where the {@code index}th instance (from 0) of a service whose first instance listens on {@code first}
     * listens: 100 ports further on per instance (8181 beside 8081), or any free port if that one is taken.
     */
    public static int instancePort(int first, int index) {
        if (index == 0) {
            return first;
        }
        int wanted = first + 100 * index;
        try (ServerSocket socket = new ServerSocket(wanted)) {
            socket.setReuseAddress(true);
            return wanted;
        } catch (IOException taken) {
            return freePort();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
