package chibo.membership.admission;

import java.time.LocalDate;
import java.util.List;

/** Who vouches for an applicant. */
public interface IntroducedFacts {

    List<IntroducerFacts> introducers();

    boolean youthUnionIntroduced();

    LocalDate cellResolutionDate();
}
