package chibo.platform.threads;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks for new background threads every few seconds (consumers and stream threads start and restart with
 * rebalances) and lowers their priority; off with {@code chibo.background.nice=0}.
 */
@AutoConfiguration
@EnableConfigurationProperties(BackgroundProperties.class)
@ConditionalOnExpression("${chibo.background.nice:10} > 0")
public class BackgroundPriorityAutoConfiguration {

    /** Threads every chibo service runs in the background. */
    static final List<String> COMMON = List.of("outbox-relay", "outbox-sweep", "kafka-producer-network-thread",
            "background-priority");

    @Bean
    BackgroundPriority backgroundPriority(BackgroundProperties properties) {
        List<String> prefixes = new ArrayList<>(COMMON);
        prefixes.addAll(properties.threads());
        return new BackgroundPriority(properties.nice(), prefixes);
    }

    @Bean
    SmartLifecycle backgroundPriorityScan(BackgroundPriority priority, BackgroundProperties properties) {
        return new SmartLifecycle() {
            private ScheduledExecutorService scan;

            @Override
            public void start() {
                scan = Executors.newSingleThreadScheduledExecutor(runnable ->
                        Thread.ofPlatform().name("background-priority").daemon().unstarted(runnable));
                long every = properties.scanInterval().toMillis();
                scan.scheduleWithFixedDelay(priority::lowerBackgroundThreads, 0, every, TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                scan.shutdownNow();
                scan = null;
            }

            @Override
            public boolean isRunning() {
                return scan != null;
            }
        };
    }
}
