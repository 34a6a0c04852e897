package chibo.localstack;

/**
 * What a {@link GeneratedProvince} holds beyond its members' history. The defaults are the province the recount
 * test checks; the benchmark asks for a real province's size, its villages with their key positions and residents,
 * monthly meetings, and no reform (so that one import carries the whole history).
 *
 * @param scale              communes, register and yearly flows grow with it; 1 is some 54,000 members
 * @param villagesPerCommune villages each commune registers as units, the first ones covered one each by its cells
 *                           in order (0: none)
 * @param residentPercent    share of the members of a cell that covers a village who live in that village
 * @param monthlyMeetings    every cell meets every month of the last year, instead of a few meetings in 2025
 * @param reform             the 2025 reform (a cell moved, two communes merged) shapes the decisions from July 2025
 */
public record ProvinceShape(double scale, int villagesPerCommune, int residentPercent, boolean monthlyMeetings,
                            boolean reform) {

    /** Members generated at scale 1: the register and eleven years of admissions. */
    public static final int MEMBERS_AT_SCALE_1 = ProvinceHistory.FROM_REGISTER
            + ProvinceHistory.ADMISSIONS_PER_YEAR * 11;

    public ProvinceShape {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive: " + scale);
        }
        if (villagesPerCommune < 0 || residentPercent < 0 || residentPercent > 100) {
            throw new IllegalArgumentException("villages per commune must be 0 or more, residents 0–100 %: "
                    + villagesPerCommune + ", " + residentPercent);
        }
    }

    /** The recount test's province at this scale. */
    public static ProvinceShape ofScale(double scale) {
        return new ProvinceShape(scale, 0, 0, false, true);
    }

    /** The recount test's province grown to some {@code members} members (450,000: about 125 communes). */
    public static ProvinceShape ofMembers(int members) {
        return ofScale(members / (double) MEMBERS_AT_SCALE_1);
    }

    /** Villages in every commune, each with a village head, a Front head and a youth secretary. */
    public ProvinceShape withVillages(int perCommune, int residentsPercent) {
        return new ProvinceShape(scale, perCommune, residentsPercent, monthlyMeetings, reform);
    }

    public ProvinceShape withMonthlyMeetings() {
        return new ProvinceShape(scale, villagesPerCommune, residentPercent, true, reform);
    }

    /** Every decision by the commune the cell was founded under, as if the 2025 reform had not happened. */
    public ProvinceShape withoutReform() {
        return new ProvinceShape(scale, villagesPerCommune, residentPercent, monthlyMeetings, false);
    }
}
