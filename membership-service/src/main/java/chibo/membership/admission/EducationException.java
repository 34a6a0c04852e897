package chibo.membership.admission;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An applicant's claim to the exception from the lower-secondary (THCS) minimum: they live or work where the
 * Secretariat allows less, or in another case it names. Primary education (tiểu học) is then enough. The committee
 * deciding the admission answers for the claim; chibo keeps the grounds as data with their source.
 *
 * @param ground which of the allowed cases
 * @param basis  what supports it: the place (commune, village) or, for a case the Secretariat names, its document
 */
public record EducationException(@NotNull Ground ground, @Size(max = 500) String basis) {

    /** QĐ 24-QĐ/TW (2021), điểm 3.3, amended by QĐ 232-QĐ/TW (2025); QĐ 294-QĐ/TW (2025), điểm 3.3 (verify). */
    public static final String SOURCE = "QĐ 24-QĐ/TW, điểm 3.3, sửa đổi bởi QĐ 232-QĐ/TW (2025); QĐ 294-QĐ/TW,"
            + " điểm 3.3; hướng dẫn của Ban Bí thư";

    /** The cases the regulations name, each as the regulation words it. */
    public enum Ground {
        HIGHLAND_OR_REMOTE_AREA("vùng cao, vùng sâu, vùng xa, biên giới"),
        ISLAND("hải đảo"),
        ETHNIC_MINORITY_AREA("vùng đồng bào dân tộc thiểu số"),
        SPECIAL_HARDSHIP_AREA("vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn"),
        SECRETARIAT_CASE("trường hợp cụ thể khác theo hướng dẫn của Ban Bí thư");

        private final String wording;

        Ground(String wording) {
            this.wording = wording;
        }

        public String wording() {
            return wording;
        }
    }

    /** A case the Secretariat names must cite the document that names it; an area names the place. */
    public boolean hasBasis() {
        return basis != null && !basis.isBlank();
    }
}
