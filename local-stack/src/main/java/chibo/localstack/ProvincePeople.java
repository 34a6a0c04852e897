package chibo.localstack;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The people of a generated province: the names, sex, ethnicity and education its members join with (and the village
 * they live in, when their cell covers one), and the names of village post holders outside the party. Each draws
 * from the province's {@link Random} in a fixed order, so that the same seed gives the same people.
 */
final class ProvincePeople {

    private static final int WOMEN_PERCENT = 35;
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Hoàng", "Ma", "Nông", "Lò", "Đinh", "Triệu", "Hà",
            "Lý"};
    private static final String[] GIVEN = {"Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Đức Hải", "Thị Hoa",
            "Văn Khánh", "Thị Lan", "Minh Long", "Thị Mai"};
    private static final String[] ETHNICITY = {"Tày", "Kinh", "Dao", "Nùng", "H'Mông", "Sán Chay"};
    private static final String[] EDUCATION = {"LOWER_SECONDARY", "UPPER_SECONDARY", "VOCATIONAL", "COLLEGE",
            "UNIVERSITY"};

    private final Random random;
    private final ProvinceVillages villages;

    ProvincePeople(Random random, ProvinceVillages villages) {
        this.random = random;
        this.villages = villages;
    }

    /** The {@code person} of an import line for a member joining the cell. */
    Map<String, Object> person(GeneratedProvince.Member member, String cell, LocalDate born) {
        boolean woman = random.nextInt(100) < WOMEN_PERCENT;
        String given = GIVEN[random.nextInt(GIVEN.length)];
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", FAMILY[random.nextInt(FAMILY.length)] + " " + given);
        person.put("birthDate", born.toString());
        person.put("sex", woman ? "FEMALE" : "MALE");
        person.put("ethnicity", ETHNICITY[random.nextInt(ETHNICITY.length)]);
        person.put("education", EDUCATION[random.nextInt(EDUCATION.length)]);
        String residence = villages.residenceOf(member, (String) person.get("fullName"), cell, random);
        if (residence != null) {
            person.put("residenceUnitId", residence);
        }
        return person;
    }

    /** A village post holder who is not a party member. */
    String someoneOutsideTheParty() {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + GIVEN[random.nextInt(GIVEN.length)];
    }
}
