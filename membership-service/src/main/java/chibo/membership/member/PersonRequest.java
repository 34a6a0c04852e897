package chibo.membership.member;

import chibo.contracts.member.Education;
import chibo.contracts.member.EthnicGroups;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.membership.rules.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The person a new membership is for, as an admission, a readmission or an enrolment from a register gives them. */
public record PersonRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotNull @Past LocalDate birthDate,
        @NotNull Sex sex,
        @NotBlank @Size(max = 60) @EthnicGroup String ethnicity,
        @NotNull Education education,
        @Pattern(regexp = Ids.PATTERN, message = Ids.PATTERN_MESSAGE) String residenceUnitId) {

    /** The person as the membership's first event records them: the ethnic group under its Vietnamese name. */
    public Person toPerson() {
        return new Person(fullName.strip(), birthDate, sex, EthnicGroups.find(ethnicity)
                .map(EthnicGroups.EthnicGroup::name).orElseThrow(), education, residenceUnitId);
    }
}
