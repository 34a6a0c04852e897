package chibo.membership.admission;

import chibo.contracts.member.Person;

import java.time.LocalDate;
import java.util.List;

/** Who vouches for an applicant. */
public interface IntroducedFacts {

    Person person();

    List<IntroducerFacts> introducers();

    boolean youthUnionIntroduced();

    LocalDate cellResolutionDate();
}
