package chibo.contracts.member;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Vietnam's 54 ethnic groups, as the General Statistics Office lists them (Danh mục các thành phần dân tộc Việt Nam,
 * QĐ 121-TCTK/PPCĐ, 02/03/1979, with the names of the 2019 census): each with its two-digit code, its Vietnamese name
 * (what a member's record and every figure by ethnicity carry) and an English name. A person's ethnicity is one of
 * these, given by code, by its Vietnamese or English name, or by a common other spelling ({@code H'Mông},
 * {@code Khmer}, {@code Ba Na}); however given, it is recorded under its Vietnamese name.
 */
public final class EthnicGroups {

    /** One ethnic group. */
    public record EthnicGroup(String code, String name, String englishName) {
    }

    private static final List<EthnicGroup> ALL = List.of(
            group("01", "Kinh", "Kinh (Viet)"), group("02", "Tày", "Tay"), group("03", "Thái", "Thai"),
            group("04", "Hoa", "Hoa (Chinese)"), group("05", "Khơ-me", "Khmer"), group("06", "Mường", "Muong"),
            group("07", "Nùng", "Nung"), group("08", "Mông", "Hmong"), group("09", "Dao", "Dao (Yao)"),
            group("10", "Gia-rai", "Gia Rai (Jarai)"), group("11", "Ngái", "Ngai"), group("12", "Ê-đê", "Ede (Rhade)"),
            group("13", "Ba-na", "Ba Na (Bahnar)"), group("14", "Xơ-đăng", "Xo Dang (Sedang)"),
            group("15", "Sán Chay", "San Chay"), group("16", "Cơ-ho", "Co Ho (Koho)"), group("17", "Chăm", "Cham"),
            group("18", "Sán Dìu", "San Diu"), group("19", "Hrê", "Hre"), group("20", "Mnông", "Mnong"),
            group("21", "Ra-glai", "Ra Glai (Raglai)"), group("22", "Xtiêng", "Xtieng (Stieng)"),
            group("23", "Bru-Vân Kiều", "Bru-Van Kieu"), group("24", "Thổ", "Tho"), group("25", "Giáy", "Giay"),
            group("26", "Cơ-tu", "Co Tu (Katu)"), group("27", "Gié-Triêng", "Gie Trieng"), group("28", "Mạ", "Ma"),
            group("29", "Khơ-mú", "Kho Mu (Khmu)"), group("30", "Co", "Co"), group("31", "Tà-ôi", "Ta Oi"),
            group("32", "Chơ-ro", "Cho Ro"), group("33", "Kháng", "Khang"), group("34", "Xinh-mun", "Xinh Mun"),
            group("35", "Hà Nhì", "Ha Nhi"), group("36", "Chu-ru", "Chu Ru"), group("37", "Lào", "Lao"),
            group("38", "La Chí", "La Chi"), group("39", "La Ha", "La Ha"), group("40", "Phù Lá", "Phu La"),
            group("41", "La Hủ", "La Hu"), group("42", "Lự", "Lu"), group("43", "Lô Lô", "Lo Lo"),
            group("44", "Chứt", "Chut"), group("45", "Mảng", "Mang"), group("46", "Pà Thẻn", "Pa Then"),
            group("47", "Cơ Lao", "Co Lao"), group("48", "Cống", "Cong"), group("49", "Bố Y", "Bo Y"),
            group("50", "Si La", "Si La"), group("51", "Pu Péo", "Pu Peo"), group("52", "Brâu", "Brau"),
            group("53", "Ơ Đu", "O Du"), group("54", "Rơ-măm", "Ro Mam"));

    /** Other spellings in common use (the 1979 list's, older registers', without the hyphen), by group code. */
    private static final Map<String, List<String>> OTHER_SPELLINGS = Map.of(
            "01", List.of("Việt"), "05", List.of("Khmer", "Khơ-me Krôm"), "08", List.of("H'Mông", "HMông", "Hmông"),
            "31", List.of("Ta-ôi"), "38", List.of("La Chi"), "47", List.of("Cờ Lao"), "51", List.of("Pu Piéo"),
            "22", List.of("X'tiêng", "Stiêng"), "27", List.of("Giẻ-Triêng"), "13", List.of("Bana"));

    private static final Map<String, EthnicGroup> BY_KEY = index();

    private EthnicGroups() {
    }

    private static EthnicGroup group(String code, String name, String englishName) {
        return new EthnicGroup(code, name, englishName);
    }

    private static Map<String, EthnicGroup> index() {
        Map<String, EthnicGroup> byKey = new HashMap<>();
        for (EthnicGroup group : ALL) {
            List<String> spellings = new ArrayList<>(List.of(group.code(),
                    String.valueOf(Integer.parseInt(group.code())), group.name(), group.englishName()));
            int open = group.englishName().indexOf('(');
            if (open > 0) {
                spellings.add(group.englishName().substring(0, open));
                spellings.add(group.englishName().substring(open + 1, group.englishName().length() - 1));
            }
            spellings.addAll(OTHER_SPELLINGS.getOrDefault(group.code(), List.of()));
            for (String spelling : spellings) {
                EthnicGroup other = byKey.put(key(spelling), group);
                if (other != null && other != group) {
                    throw new IllegalStateException(spelling + " would name both " + other.name() + " and "
                            + group.name());
                }
            }
        }
        return Collections.unmodifiableMap(byKey);
    }

    /** Case, Unicode form, hyphens, apostrophes and runs of spaces aside. */
    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("[-'’\\s]+", " ").strip();
    }

    /** The 54 groups in the order of their codes. */
    public static List<EthnicGroup> all() {
        return ALL;
    }

    /** The group given by code, by Vietnamese or English name or by another common spelling; empty if none. */
    public static Optional<EthnicGroup> find(String given) {
        return given == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(given)));
    }

    /** The English name of a group recorded under its Vietnamese name; the name itself when it is not one of them. */
    public static String englishName(String name) {
        return find(name).map(EthnicGroup::englishName).orElse(name);
    }

    /** The Vietnamese names, for a message listing what is accepted. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(ALL.size());
        ALL.forEach(group -> names.add(group.name()));
        return names;
    }
}
