package chibo.contracts.member;

import java.time.LocalDate;

/** Who the member is, as the statistics report needs it; {@code residenceUnitId} is the unit they live in. */
public record Person(String fullName, LocalDate birthDate, Sex sex, String ethnicity, Education education,
                     String residenceUnitId) {
}
