package chibo.membership.admission;

import chibo.contracts.member.Person;
import chibo.contracts.organization.OrgLevel;

import java.time.LocalDate;

/** The person a cell considers admitting (or readmitting), as of the cell's resolution. */
public interface ApplicantFacts {

    Person person();

    LocalDate cellResolutionDate();

    OrgLevel decidingLevel();

    /** The exception from the lower-secondary minimum the application claims; none unless the command takes one. */
    default EducationException educationException() {
        return null;
    }
}
