package chibo.bench;

import chibo.localstack.ProvinceShape;
import chibo.localstack.StackConfig;

import java.util.List;

/**
 * The command line of {@code ./chibo bench}: how big a province, where MongoDB keeps its data, the
 * load the freshness run offers, whether to record the cells' meetings, and whether to warm the stack up first.
 *
 * @param shape    the province; by default the size of a real one (450,000 members, about 125 communes)
 * @param store    MongoDB in memory (as the tests), in memory kept by a journal (as {@code ./chibo stack}) or on
 *                 the H2 file backend
 * @param rate     commands per second offered while freshness is measured
 * @param meetings record every cell's monthly meetings of the last year after the import
 * @param warmUp   before measuring, run the same work on a smaller second province (its own ids), so that the
 *                 figures are those of services that have compiled their hot code, as services running for days
 *                 have; without it, services a minute old (as right after {@code ./chibo stack} starts)
 */
record BenchOptions(ProvinceShape shape, StackConfig.MongoStore store, int rate, boolean meetings, boolean warmUp) {

    static final int DEFAULT_MEMBERS = 450_000;
    static final int DEFAULT_RATE = 500;
    /** A few more villages than cells: the last ones have no cell of their own, as reports should show. */
    static final int VILLAGES_PER_COMMUNE = 42;
    static final int RESIDENT_PERCENT = 60;

    static final String USAGE = "usage: ./chibo bench [--scale S | --members N] [--backend memory|journal|h2] [--rate R]"
            + " [--no-meetings] [--warm-up] [--heap SIZE]";

    static BenchOptions parse(List<String> args) {
        ProvinceShape size = ProvinceShape.ofMembers(DEFAULT_MEMBERS);
        StackConfig.MongoStore store = StackConfig.MongoStore.MEMORY;
        int rate = DEFAULT_RATE;
        boolean meetings = true;
        boolean warmUp = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--scale" -> size = ProvinceShape.ofScale(Double.parseDouble(value(args, ++i, option)));
                case "--members" -> size = ProvinceShape.ofMembers(Integer.parseInt(value(args, ++i, option)));
                case "--backend" -> {
                    String backend = value(args, ++i, option);
                    store = switch (backend) {
                        case "memory" -> StackConfig.MongoStore.MEMORY;
                        case "journal" -> StackConfig.MongoStore.JOURNAL;
                        case "h2" -> StackConfig.MongoStore.H2;
                        default -> throw new IllegalArgumentException(
                                "--backend is memory, journal or h2, not " + backend + "\n" + USAGE);
                    };
                }
                case "--rate" -> rate = Integer.parseInt(value(args, ++i, option));
                case "--no-meetings" -> meetings = false;
                case "--warm-up" -> warmUp = true;
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        ProvinceShape shape = size.withVillages(VILLAGES_PER_COMMUNE, RESIDENT_PERCENT).withMonthlyMeetings()
                .withoutReform();
        return new BenchOptions(shape, store, rate, meetings, warmUp);
    }

    String backend() {
        return store.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }
}
