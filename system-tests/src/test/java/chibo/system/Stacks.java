package chibo.system;

import chibo.localstack.StackConfig;

import java.nio.file.Path;

/** Where the built stack is (local-stack/target) and how tests configure it. */
final class Stacks {

    private Stacks() {
    }

    static Path home() {
        String home = System.getProperty("chibo.stack.home");
        if (home == null) {
            throw new IllegalStateException("chibo.stack.home is not set: run the system tests through Maven");
        }
        return Path.of(home);
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("chibo.project.root", ".."));
    }

    static StackConfig inMemory(Path dataDir) {
        return StackConfig.forTests(home(), dataDir, StackConfig.MongoStore.MEMORY);
    }

    static StackConfig persistent(Path dataDir) {
        return StackConfig.forTests(home(), dataDir, StackConfig.MongoStore.JOURNAL);
    }
}
