package chibo.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The villages of a generated province: units its communes register, each covered by one of their cells (the last
 * few by none), with the members who live there and the holders of their key positions — what the village
 * coverage reports count. Empty unless the {@link ProvinceShape} asks for villages.
 */
public final class ProvinceVillages {

    /** Of the village heads and Front heads, the share held by a party member living in the village. */
    private static final int HEAD_IS_MEMBER_PERCENT = 70;
    private static final int FRONT_HEAD_IS_MEMBER_PERCENT = 40;

    /** A village registered by its commune; {@code cellId} is the cell covering it, or null. */
    public record Village(String unitId, String communeId, String name, String cellId) {
    }

    /**
     * A key position ({@code VILLAGE_HEAD}, {@code FRONT_HEAD}, {@code YOUTH_SECRETARY}) and its holder, a party
     * member still active at the end of the history ({@code memberId}) or not (null).
     */
    public record Position(String communeId, String unitId, String position, String holderName, String memberId) {
    }

    private record Resident(GeneratedProvince.Member member, String fullName) {
    }

    public final List<Village> villages = new ArrayList<>();
    public final List<Position> positions = new ArrayList<>();

    private final int residentPercent;
    private final Map<String, Village> coveredBy = new HashMap<>();
    private final Map<String, List<Resident>> residents = new LinkedHashMap<>();

    ProvinceVillages(List<String> communes, int cellsPerCommune, ProvinceShape shape) {
        this.residentPercent = shape.residentPercent();
        for (String commune : communes) {
            for (int v = 1; v <= shape.villagesPerCommune(); v++) {
                String cell = v <= cellsPerCommune ? commune + "-C" + String.format("%02d", v) : null;
                Village village = new Village(commune + "-V" + String.format("%02d", v), commune, "Thôn " + v, cell);
                villages.add(village);
                if (cell != null) {
                    coveredBy.put(cell, village);
                }
            }
        }
    }

    /**
     * The village a member joining the cell lives in, or null. Draws from {@code random} only when the cell covers a
     * village, so a province without villages draws nothing here.
     */
    String residenceOf(GeneratedProvince.Member member, String fullName, String cellId, Random random) {
        Village village = coveredBy.get(cellId);
        if (village == null || random.nextInt(100) >= residentPercent) {
            return null;
        }
        residents.computeIfAbsent(village.unitId(), unit -> new ArrayList<>()).add(new Resident(member, fullName));
        return village.unitId();
    }

    /** Who holds each village's key positions at the end of the history: some residents, some people outside. */
    void assignPositions(Random random, Supplier<String> someoneElse) {
        for (Village village : villages) {
            List<Resident> members = residents.getOrDefault(village.unitId(), List.of()).stream()
                    .filter(resident -> resident.member().activeAtEnd()).toList();
            Resident head = pick(members, HEAD_IS_MEMBER_PERCENT, null, random);
            Resident front = pick(members, FRONT_HEAD_IS_MEMBER_PERCENT, head, random);
            position(village, "VILLAGE_HEAD", head, someoneElse);
            position(village, "FRONT_HEAD", front, someoneElse);
            position(village, "YOUTH_SECRETARY", null, someoneElse);
        }
    }

    private static Resident pick(List<Resident> members, int percent, Resident other, Random random) {
        if (members.isEmpty() || random.nextInt(100) >= percent) {
            return null;
        }
        Resident chosen = members.get(random.nextInt(members.size()));
        return chosen.equals(other) ? null : chosen;
    }

    private void position(Village village, String position, Resident member, Supplier<String> someoneElse) {
        positions.add(member != null
                ? new Position(village.communeId(), village.unitId(), position, member.fullName(), member.member().id)
                : new Position(village.communeId(), village.unitId(), position, someoneElse.get(), null));
    }
}
