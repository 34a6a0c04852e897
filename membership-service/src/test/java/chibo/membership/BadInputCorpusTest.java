package chibo.membership;

import chibo.testsupport.Http;
import chibo.testsupport.TestMongo;
import chibo.testsupport.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad requests against the whole membership API. Each one must be answered with the right 4xx RFC 9457
 * problem ({@code application/problem+json}, a {@code urn:chibo:problem:} type, {@code status} equal to the HTTP
 * status, the fields at fault named) and must leave every collection of the store with the documents it had.
 * <p>
 * One organisation tree (with a second one elsewhere, and an old district subtree) and members in known states are
 * set up once; cases that would change a member or an organisation if they were wrongly accepted act on a fresh
 * one of their own, so that one wrong answer cannot change what the other cases see.
 */
class BadInputCorpusTest extends MembershipComponentTest {

    private static final String PREFIX = "urn:chibo:problem:";
    private static final String MALFORMED = "malformed-json";
    private static final String INVALID = "invalid-request";
    private static final String UNKNOWN = "unknown-reference";
    private static final String NOT_FOUND = "not-found";
    private static final String ILLEGAL = "illegal-transition";
    private static final String OUTSIDE = "outside-subtree";
    private static final String FORBIDDEN = "forbidden";
    private static final String UNAUTHENTICATED = "unauthenticated";
    private static final String EXISTS = "already-exists";
    private static final String TOO_LARGE = "payload-too-large";

    private static final List<String> COLLECTIONS = List.of("party_organization_events", "party_membership_events",
            "organizations", "members", "readmissions");
    private static final MongoClient MONGO = MongoClients.create(TestMongo.uri("membership"));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CHUNKING_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Larger than the 256 KB every membership path accepts. */
    private static final int OVER_LIMIT = 300 * 1024;
    private static final Set<String> NAMES = new HashSet<>();

    private static Fixture fixture;

    @AfterAll
    static void close() {
        MONGO.close();
    }

    private Fixture fx() {
        if (fixture == null) {
            fixture = new Fixture(http).build();
        }
        return fixture;
    }

    // ------------------------------------------------------------------------------------------------ the families

    @TestFactory
    Stream<DynamicTest> malformed_json() {
        return run(malformedJson(fx()));
    }

    @TestFactory
    Stream<DynamicTest> values_of_the_wrong_type() {
        return run(wrongTypes(fx()));
    }

    @TestFactory
    Stream<DynamicTest> strange_text_and_values_read_leniently_elsewhere() {
        return run(strangeText(fx()));
    }

    @TestFactory
    Stream<DynamicTest> missing_required_fields() {
        return run(missingFields(fx()));
    }

    @TestFactory
    Stream<DynamicTest> values_out_of_bounds() {
        return run(outOfBounds(fx()));
    }

    @TestFactory
    Stream<DynamicTest> rules_of_the_regulations() {
        return run(ruleViolations(fx()));
    }

    @TestFactory
    Stream<DynamicTest> unknown_ids_and_references() {
        return run(unknownIds(fx()));
    }

    @TestFactory
    Stream<DynamicTest> conflicts_with_the_tree() {
        return run(treeConflicts(fx()));
    }

    @TestFactory
    Stream<DynamicTest> illegal_transitions() {
        return run(illegalTransitions(fx()));
    }

    @TestFactory
    Stream<DynamicTest> oversized_bodies() {
        return run(oversized(fx()));
    }

    @TestFactory
    Stream<DynamicTest> reused_idempotency_keys() {
        return run(idempotency(fx()));
    }

    @TestFactory
    Stream<DynamicTest> tokens_roles_and_subtrees() {
        return run(access(fx()));
    }

    @TestFactory
    Stream<DynamicTest> media_types_versions_methods_and_paths() {
        return run(protocol(fx()));
    }

    @TestFactory
    Stream<DynamicTest> review_closures() {
        return run(reviewClosures(fx()));
    }

    @TestFactory
    Stream<DynamicTest> rating_batches_and_tallies() {
        return run(ratingBatches(fx()));
    }

    @TestFactory
    Stream<DynamicTest> changes_of_residence() {
        return run(residences(fx()));
    }

    // ------------------------------------------------------------------------------------- 1. malformed JSON

    private static List<Case> malformedJson(Fixture fx) {
        String w = fx.writer;
        String admission = json(fx.admission());
        String organization = json(Requests.organization(fx.id("org"), "Chi bộ mới", "CELL", fx.g));
        return List.of(
                refuse("admission: a body cut off in the middle is malformed JSON")
                        .post("/members/admissions", w, admission.substring(0, admission.length() / 2))
                        .is(400, MALFORMED),
                refuse("admission: a trailing comma before the closing brace is malformed JSON")
                        .post("/members/admissions", w, admission.substring(0, admission.length() - 1) + ",}")
                        .is(400, MALFORMED),
                refuse("admission: a trailing comma in the introducers array is malformed JSON")
                        .post("/members/admissions", w, admission.replaceFirst("\\}\\]", "},]"))
                        .is(400, MALFORMED),
                refuse("organisation: a body without its closing brace is malformed JSON")
                        .post("/organizations", w, organization.substring(0, organization.length() - 1))
                        .is(400, MALFORMED),
                refuse("expulsion: plain text instead of JSON is malformed JSON")
                        .post(m(fx.official, "expulsion"), w, "the member is expelled for serious violations")
                        .is(400, MALFORMED),
                refuse("rating: single-quoted strings are malformed JSON")
                        .post(m(fx.official, "ratings"), w, "{'year': 2025, 'level': 'GOOD', 'points': 82}")
                        .is(400, MALFORMED),
                refuse("swearing-in: unquoted property names are malformed JSON")
                        .post(m(fx.probation, "swearing-in"), w, "{ceremonyDate: \"2025-09-30\"}")
                        .is(400, MALFORMED),
                refuse("discipline: a comment inside the body is malformed JSON")
                        .post(m(fx.official, "disciplines"), w, "{/* late dues */" + json(fx.discipline()).substring(1))
                        .is(400, MALFORMED),
                refuse("rating: NaN as the points is malformed JSON")
                        .post(m(fx.official, "ratings"), w, json(fx.rating())
                                .replace("\"points\":82", "\"points\":NaN"))
                        .is(400, MALFORMED),
                refuse("transfer: a property without its colon is malformed JSON")
                        .post(m(fx.official, "transfers"), w, "{\"kind\" \"OFFICIAL\", \"circumstance\": \"NEW_JOB\"}")
                        .is(400, MALFORMED),
                refuse("correction: an unterminated string is malformed JSON")
                        .post(m(fx.expelled, "corrections"), w, "{\"reason\": \"recorded in error}")
                        .is(400, MALFORMED),
                refuse("death: an invalid escape sequence is malformed JSON")
                        .post(m(fx.official, "death"), w,
                                "{\"dateOfDeath\": \"2025-10-10\", \"note\": \"bad \\x escape\"}")
                        .is(400, MALFORMED),
                refuse("removal: a raw line break inside a string is malformed JSON")
                        .post(m(fx.official, "removal"), w, json(fx.removal())
                                .replace("\"ground\"", "\"details\":\"line one\nline two\",\"ground\""))
                        .is(400, MALFORMED),
                refuse("coverage: a body that stops after a property name is malformed JSON")
                        .post(fx.unitPath("coverage"), w, "{\"cellId\": ")
                        .is(400, MALFORMED),
                refuse("organisation: a property name without a value is malformed JSON")
                        .post("/organizations", w, "{\"name\"}")
                        .is(400, MALFORMED),
                refuse("merge: an unclosed array is malformed JSON")
                        .post(o(fx.c2, "merge"), w, "{\"sourceIds\": [\"a\", \"b\"")
                        .is(400, MALFORMED),
                refuse("position: two properties without a comma between them are malformed JSON")
                        .post(fx.unitPath("positions"), w, "{\"position\": \"VILLAGE_HEAD\" \"holderName\": \"A\"}")
                        .is(400, MALFORMED),
                refuse("letting-go: a JSON array holding the body is refused")
                        .post(m(fx.official(), "letting-go"), w, "[" + json(fx.letGo()) + "]")
                        .is(400, MALFORMED).or(INVALID),
                refuse("enrolment: an empty JSON array is refused")
                        .post("/members/enrolments", w, "[]")
                        .is(400, MALFORMED).or(INVALID),
                refuse("exemption: a bare JSON number is refused")
                        .post(m(fx.official, "exemption"), w, "42")
                        .is(400, MALFORMED).or(INVALID),
                refuse("death: a bare JSON string is refused")
                        .post(m(fx.official, "death"), w, "\"2025-10-10\"")
                        .is(400, MALFORMED).or(INVALID),
                refuse("vacancy: a bare JSON boolean is refused")
                        .post(fx.unitPath("vacancies"), w, "true")
                        .is(400, MALFORMED).or(INVALID),
                refuse("readmission: the JSON literal null is refused")
                        .post("/members/readmissions", w, "null")
                        .is(400, MALFORMED).or(INVALID),
                refuse("admission: an empty body is refused")
                        .post("/members/admissions", w, "")
                        .is(400, MALFORMED).or(INVALID),
                refuse("rename: a body of only whitespace is refused")
                        .post(o(fx.g, "rename"), w, "   \n  ")
                        .is(400, MALFORMED).or(INVALID),
                refuse("expulsion: a valid body followed by trailing garbage is refused")
                        .post(m(fx.official(), "expulsion"), w, json(fx.expulsion()) + " and more")
                        .is(400, MALFORMED).or(INVALID),
                refuse("dissolution: two JSON objects back to back are refused")
                        .post(o(fx.cell(), "dissolution"), w, "{\"reason\": \"merged\"}{\"reason\": \"again\"}")
                        .is(400, MALFORMED).or(INVALID),
                refuse("unit: an array nested 5000 levels deep is refused")
                        .post(o(fx.commune, "units"), w, json(fx.unit(fx.id("U-deep"))).replaceFirst("\\}$",
                                ",\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}"))
                        .is(400, MALFORMED).or(INVALID),
                refuse("admission: a number of 2000 digits is refused")
                        .post("/members/admissions", w, json(fx.admission()).replace("\"officialMembers\":12",
                                "\"officialMembers\":" + "1".repeat(2000)))
                        .is(400, MALFORMED).or(INVALID));
    }

    // ------------------------------------------------------------------------------------- 2. wrong types

    private static List<Case> wrongTypes(Fixture fx) {
        String w = fx.writer;
        String cw = fx.centralWriter;
        return List.of(
                refuse("admission: a word where the number of official members goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "vote.officialMembers", "many"))
                        .is(400, INVALID, "vote.officialMembers"),
                refuse("admission: a fraction of a vote in favour is named")
                        .post("/members/admissions", w, with(fx.admission(), "vote.inFavour", 10.5))
                        .is(400, INVALID, "vote.inFavour"),
                refuse("admission: a number of official members beyond any integer is named")
                        .post("/members/admissions", w, with(fx.admission(), "vote.officialMembers", 99_999_999_999L))
                        .is(400, INVALID, "vote.officialMembers"),
                refuse("admission: a number where the decision date goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "decisionDate", 20250920))
                        .is(400, INVALID, "decisionDate"),
                refuse("death: a number where the date of death goes is named")
                        .post(m(fx.official(), "death"), w, map("dateOfDeath", 20000))
                        .is(400, INVALID, "dateOfDeath"),
                refuse("admission: a birth date written with slashes is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.birthDate", "1998/04/12"))
                        .is(400, INVALID, "person.birthDate"),
                refuse("admission: the 30th of February is named")
                        .post("/members/admissions", w, with(fx.admission(), "decisionDate", "2025-02-30"))
                        .is(400, INVALID, "decisionDate"),
                refuse("admission: a thirteenth month is named")
                        .post("/members/admissions", w, with(fx.admission(), "cellResolutionDate", "2025-13-01"))
                        .is(400, INVALID, "cellResolutionDate"),
                refuse("swearing-in: a ceremony date written day first is named")
                        .post(m(fx.probationer(), "swearing-in"), w, with(fx.swearingIn(), "ceremonyDate",
                                "30.09.2025"))
                        .is(400, INVALID, "ceremonyDate"),
                refuse("swearing-in: an object where the ceremony date goes is named")
                        .post(m(fx.probation, "swearing-in"), w, with(fx.swearingIn(), "ceremonyDate",
                                map("year", 2025, "month", 9, "day", 30)))
                        .is(400, INVALID, "ceremonyDate"),
                refuse("enrolment: a bare year as the admission date is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "admittedOn", "2015"))
                        .is(400, INVALID, "admittedOn"),
                refuse("admission: a string where the person goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "person", "Hoàng Thị Mai"))
                        .is(400, INVALID, "person"),
                refuse("admission: an object where the cell id goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "cellId", map("id", fx.c1)))
                        .is(400, INVALID, "cellId"),
                refuse("admission: an object where the introducers list goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "introducers",
                                map("memberId", fx.a.introducer())))
                        .is(400, INVALID, "introducers"),
                refuse("admission: an array as the second introducer's id is named by its index")
                        .post("/members/admissions", w, with(fx.admission(), "introducers[1].memberId",
                                List.of(fx.a.secondIntroducer())))
                        .is(400, INVALID, "introducers[1].memberId"),
                refuse("admission: an array as the full name is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName",
                                List.of("Hoàng", "Mai")))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: an array where the vote goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "vote", List.of(12, 1, 0, 11)))
                        .is(400, INVALID, "vote"),
                refuse("admission: an unknown sex is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.sex", "UNKNOWN"))
                        .is(400, INVALID, "person.sex"),
                refuse("admission: an unknown education level is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.education", "PHD"))
                        .is(400, INVALID, "person.education"),
                refuse("admission: a word where the youth-union flag goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "youthUnionIntroduced", "yes"))
                        .is(400, INVALID, "youthUnionIntroduced"),
                refuse("admission: an object where the special-case flag goes is named")
                        .post("/members/admissions", w, with(fx.admission(), "specialCase", map("really", true)))
                        .is(400, INVALID, "specialCase"),
                refuse("organisation: an unknown level is named")
                        .post("/organizations", w, Requests.organization(fx.id("lvl"), "Chi bộ", "VILLAGE", fx.g))
                        .is(400, INVALID, "level"),
                refuse("organisation: a word as the effective date is named")
                        .post("/organizations", w, with(Requests.organization(fx.id("eff"), "Chi bộ", "CELL", fx.g),
                                "effectiveDate", "yesterday"))
                        .is(400, INVALID, "effectiveDate"),
                refuse("transfer: an unknown kind of transfer is named")
                        .post(m(fx.official, "transfers"), w, with(fx.transfer(), "kind", "SIDEWAYS"))
                        .is(400, INVALID, "kind"),
                refuse("transfer: an unknown circumstance is named")
                        .post(m(fx.official, "transfers"), w, with(fx.transfer(), "circumstance", "BORED"))
                        .is(400, INVALID, "circumstance"),
                refuse("transfer: an array as the receiving organisation is named")
                        .post(m(fx.official, "transfers"), w, with(fx.transfer(), "toOrgId", List.of(fx.g)))
                        .is(400, INVALID, "toOrgId"),
                refuse("receipt: a boolean as the date received is named")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "receivedOn", true))
                        .is(400, INVALID, "receivedOn"),
                refuse("temporary stay: an unknown reason is named")
                        .post(m(fx.official, "temporary-transfers"), w, with(fx.temporary(), "reason", "VACATION"))
                        .is(400, INVALID, "reason"),
                refuse("temporary stay: an end date written with slashes is named")
                        .post(m(fx.official, "temporary-transfers"), w, with(fx.temporary(), "until", "2026/11/01"))
                        .is(400, INVALID, "until"),
                refuse("residence liaison: an unknown category is named")
                        .post(m(fx.official, "residence-liaison"), w, with(fx.liaison(), "category", "NAVY"))
                        .is(400, INVALID, "category"),
                refuse("exemption: an object as the deciding committee is named")
                        .post(m(fx.official, "exemption"), w, with(fx.exemption(), "decidingOrgId", map("id", fx.g)))
                        .is(400, INVALID, "decidingOrgId"),
                refuse("discipline: expulsion is not a discipline level")
                        .post(m(fx.official, "disciplines"), w, with(fx.discipline(), "level", "EXPULSION"))
                        .is(400, INVALID, "level"),
                refuse("rating: an unknown rating level is named")
                        .post(m(fx.official, "ratings"), w, with(fx.rating(), "level", "OUTSTANDING"))
                        .is(400, INVALID, "level"),
                refuse("rating: a year written in words is named")
                        .post(m(fx.official, "ratings"), w, with(fx.rating(), "year", "twenty twenty-five"))
                        .is(400, INVALID, "year"),
                refuse("rating: a fraction of a point is named")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "points", 82.5))
                        .is(400, INVALID, "points"),
                refuse("recognition: an object as the party card number is named")
                        .post(m(fx.sworn, "recognition"), w, with(fx.recognition(), "partyCardNumber", map("n", 1)))
                        .is(400, INVALID, "partyCardNumber"),
                refuse("removal: an unknown ground is named")
                        .post(m(fx.official, "removal"), w, with(fx.removal(), "ground", "LAZY"))
                        .is(400, INVALID, "ground"),
                refuse("letting-go: an unknown ground is named")
                        .post(m(fx.official, "letting-go"), w, with(fx.letGo(), "ground", "BORED"))
                        .is(400, INVALID, "ground"),
                refuse("correction: an unknown kind of correction is named")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "REVERSED"))
                        .is(400, INVALID, "kind"),
                refuse("correction: a corrected event id that is not a UUID is named")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "correctedEventId", "not-a-uuid"))
                        .is(400, INVALID, "correctedEventId"),
                refuse("correction: a number as the corrected event id is named")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "correctedEventId", 12345))
                        .is(400, INVALID, "correctedEventId"),
                refuse("correction: a word as the corrected seq is named")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "correctedSeq", "second"))
                        .is(400, INVALID, "correctedSeq"),
                refuse("correction: a word as the day the decision was received is named")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD",
                                "appealFiledOn", "2025-10-10", "decisionReceivedOn", "last week"))
                        .is(400, INVALID, "decisionReceivedOn"),
                refuse("correction: a word as the appeal date is named")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD",
                                "appealFiledOn", "soon"))
                        .is(400, INVALID, "appealFiledOn"),
                refuse("enrolment: an unknown status is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "status", "ACTIVE"))
                        .is(400, INVALID, "status"),
                refuse("enrolment: a word where the exempted flag goes is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "exempted", "maybe"))
                        .is(400, INVALID, "exempted"),
                refuse("readmission: a string where the declarations go is named")
                        .post("/members/readmissions", w, with(fx.readmission(fx.readmittedEarlier), "declarations",
                                "none"))
                        .is(400, INVALID, "declarations"),
                refuse("readmission: an object as the previous member id is named")
                        .post("/members/readmissions", w, with(fx.readmission(fx.readmittedEarlier), "previousMemberId",
                                map("id", fx.readmittedEarlier)))
                        .is(400, INVALID, "previousMemberId"),
                refuse("unit: an unknown kind of unit is named")
                        .post(o(fx.commune, "units"), w, with(fx.unit(fx.id("U-kind")), "kind", "CASTLE"))
                        .is(400, INVALID, "kind"),
                refuse("position: an unknown key position is named")
                        .post(fx.unitPath("positions"), w, with(fx.position(), "position", "MAYOR"))
                        .is(400, INVALID, "position"),
                refuse("merge: a single id where the list of sources goes is named")
                        .post(o(fx.c2, "merge"), cw, map("sourceIds", fx.cell()))
                        .is(400, INVALID, "sourceIds"));
    }

    // ------------------------------------------------------------------------------------- 3. missing fields

    private static List<Case> strangeText(Fixture fx) {
        String w = fx.writer;
        String admission = json(fx.admission());
        return List.of(
                refuse("admission: a number where the sex goes is not read as its position in the list")
                        .post("/members/admissions", w, with(fx.admission(), "person.sex", 1))
                        .is(400, INVALID, "person.sex"),
                refuse("admission: a number where the full name goes is not turned into text")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", 12))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: a number where the decision number goes is not turned into text")
                        .post("/members/admissions", w, with(fx.admission(), "decisionNumber", 115))
                        .is(400, INVALID, "decisionNumber"),
                refuse("admission: a text where the number of official members goes is not read as a number")
                        .post("/members/admissions", w, with(fx.admission(), "vote.officialMembers", "12"))
                        .is(400, INVALID, "vote.officialMembers"),
                refuse("admission: a text where a yes or no goes is not read as one")
                        .post("/members/admissions", w, with(fx.admission(), "youthUnionIntroduced", "false"))
                        .is(400, INVALID, "youthUnionIntroduced"),
                refuse("admission: a date and time where the birth date goes is not cut to its date")
                        .post("/members/admissions", w, with(fx.admission(), "person.birthDate",
                                "1998-04-12T00:00:00"))
                        .is(400, INVALID, "person.birthDate"),
                refuse("admission: a birth date followed by a NUL is not trimmed into a date")
                        .post("/members/admissions", w, with(fx.admission(), "person.birthDate", "1998-04-12\u0000"))
                        .is(400, INVALID, "person.birthDate"),
                refuse("admission: a decision date with a leading space is not trimmed into a date")
                        .post("/members/admissions", w, with(fx.admission(), "decisionDate", " 2025-09-20"))
                        .is(400, INVALID, "decisionDate"),
                refuse("admission: a NUL inside the full name is refused")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", "Hoàng\u0000Mai"))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: a bell character in the full name is refused")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", "Hoàng Mai\u0007"))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: a zero-width space in the ethnicity is refused")
                        .post("/members/admissions", w, with(fx.admission(), "person.ethnicity", "T\u00e0\u200by"))
                        .is(400, INVALID, "person.ethnicity"),
                refuse("admission: an ethnicity that is none of Vietnam's 54 ethnic groups is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.ethnicity", "Kinh-Tày"))
                        .is(400, INVALID, "person.ethnicity"),
                refuse("enrolment: an ethnic group's code past the 54 is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "person.ethnicity", "55"))
                        .is(400, INVALID, "person.ethnicity"),
                refuse("enrolment: a made-up ethnic group is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "person.ethnicity", "Người Sao Hỏa"))
                        .is(400, INVALID, "person.ethnicity"),
                refuse("admission: a byte-order mark before the full name is refused")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", "\ufeffHoàng Mai"))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: a right-to-left override in the full name is refused")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName",
                                "Hoàng \u202eiaM"))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: a line break in the full name is refused")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", "Hoàng\nMai"))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: a line break in the decision number is refused")
                        .post("/members/admissions", w, with(fx.admission(), "decisionNumber", "115\n-QĐ/ĐU"))
                        .is(400, INVALID, "decisionNumber"),
                refuse("admission: the sex given twice is refused, not the last one taken")
                        .post("/members/admissions", w, admission.replace("\"sex\":\"FEMALE\"",
                                "\"sex\":\"FEMALE\",\"sex\":\"MALE\""))
                        .is(400, INVALID, "sex"),
                refuse("organisation: a zero-width joiner in the name is refused")
                        .post("/organizations", w, Requests.organization(fx.id("org"), "Chi bộ\u200d mới", "CELL",
                                fx.g))
                        .is(400, INVALID, "name"),
                refuse("organisation: a number where the level goes is refused")
                        .post("/organizations", w, with(Requests.organization(fx.id("org"), "Chi bộ mới", "CELL",
                                fx.g), "level", 4))
                        .is(400, INVALID, "level"),
                refuse("enrolment: a control character in the register's name is refused")
                        .post("/members/enrolments", w, with(fx.enrolment(), "register", "Sổ\u001b đảng viên"))
                        .is(400, INVALID, "register"),
                refuse("death: a date and time with a zone where the date of death goes is refused")
                        .post(m(fx.official(), "death"), w, map("dateOfDeath", "2025-10-01T00:00:00Z"))
                        .is(400, INVALID, "dateOfDeath"));
    }

    private static List<Case> missingFields(Fixture fx) {
        String w = fx.writer;
        String cw = fx.centralWriter;
        return List.of(
                refuse("admission: an empty object names every required field")
                        .post("/members/admissions", w, "{}")
                        .is(400, INVALID, "person", "cellId", "cellResolutionDate", "vote", "introducers",
                                "decisionDate", "decisionNumber", "decidingOrgId"),
                refuse("readmission: an empty object names every required field")
                        .post("/members/readmissions", w, "{}")
                        .is(400, INVALID, "previousMemberId", "person", "cellId", "cellResolutionDate", "vote",
                                "introducers", "provincialConsentNumber", "decisionDate", "decisionNumber",
                                "decidingOrgId"),
                refuse("enrolment: an empty object names every required field")
                        .post("/members/enrolments", w, "{}")
                        .is(400, INVALID, "person", "status", "cellId", "admittedOn", "register"),
                refuse("swearing-in: an empty object names the ceremony date")
                        .post(m(fx.probation, "swearing-in"), w, "{}")
                        .is(400, INVALID, "ceremonyDate"),
                refuse("recognition: an empty object names every required field")
                        .post(m(fx.sworn, "recognition"), w, "{}")
                        .is(400, INVALID, "cellResolutionDate", "decisionDate", "decisionNumber", "decidingOrgId"),
                refuse("probation failure: an empty object names every required field")
                        .post(m(fx.sworn, "probation-failure"), w, "{}")
                        .is(400, INVALID, "cellResolutionDate", "decisionDate", "decisionNumber", "decidingOrgId",
                                "reason"),
                refuse("transfer: an empty object names every required field")
                        .post(m(fx.official, "transfers"), w, "{}")
                        .is(400, INVALID, "kind", "circumstance", "toOrgId", "decisionDate", "decidingOrgId"),
                refuse("receipt: an empty object names every required field")
                        .post(m(fx.transit, "transfers/receipt"), w, "{}")
                        .is(400, INVALID, "cellId", "receivedOn"),
                refuse("temporary stay: an empty object names every required field")
                        .post(m(fx.official, "temporary-transfers"), w, "{}")
                        .is(400, INVALID, "hostCellId", "reason", "until", "decisionDate", "decidingOrgId"),
                refuse("end of a temporary stay: an empty object names the end date")
                        .post(m(fx.staying, "temporary-transfers/end"), w, "{}")
                        .is(400, INVALID, "endedOn"),
                refuse("residence liaison: an empty object names every required field")
                        .post(m(fx.official, "residence-liaison"), w, "{}")
                        .is(400, INVALID, "residenceCellId", "category", "registeredOn"),
                refuse("exemption: an empty object names every required field")
                        .post(m(fx.official, "exemption"), w, "{}")
                        .is(400, INVALID, "reason", "decisionDate", "decidingOrgId"),
                refuse("discipline: an empty object names every required field")
                        .post(m(fx.official, "disciplines"), w, "{}")
                        .is(400, INVALID, "level", "reason", "decisionDate", "decisionNumber", "decidingOrgId"),
                refuse("rating: an empty object names every required field")
                        .post(m(fx.official, "ratings"), w, "{}")
                        .is(400, INVALID, "year", "level", "points", "decisionDate", "decidingOrgId"),
                refuse("removal: an empty object names every required field")
                        .post(m(fx.official, "removal"), w, "{}")
                        .is(400, INVALID, "ground", "decisionDate", "decisionNumber", "decidingOrgId"),
                refuse("letting-go: an empty object names every required field")
                        .post(m(fx.official, "letting-go"), w, "{}")
                        .is(400, INVALID, "ground", "decisionDate", "decisionNumber", "decidingOrgId"),
                refuse("expulsion: an empty object names every required field")
                        .post(m(fx.official, "expulsion"), w, "{}")
                        .is(400, INVALID, "reason", "decisionDate", "decisionNumber", "decidingOrgId"),
                refuse("death: an empty object names the date of death")
                        .post(m(fx.official, "death"), w, "{}")
                        .is(400, INVALID, "dateOfDeath"),
                refuse("correction: an empty object names every required field")
                        .post(m(fx.expelled, "corrections"), w, "{}")
                        .is(400, INVALID, "correctedEventId", "correctedSeq", "kind", "reason", "decisionDate",
                                "decidingOrgId"),
                refuse("organisation: an empty object names the name and the level")
                        .post("/organizations", cw, "{}")
                        .is(400, INVALID, "name", "level"),
                refuse("rename: an empty object names the name")
                        .post(o(fx.g, "rename"), w, "{}")
                        .is(400, INVALID, "name"),
                refuse("move: an empty object names the new parent")
                        .post(o(fx.c2, "move"), w, "{}")
                        .is(400, INVALID, "newParentId"),
                refuse("merge: an empty object names the sources")
                        .post(o(fx.c2, "merge"), w, "{}")
                        .is(400, INVALID, "sourceIds"),
                refuse("dissolution: an empty object names the reason")
                        .post(o(fx.cell(), "dissolution"), w, "{}")
                        .is(400, INVALID, "reason"),
                refuse("unit: an empty object names every required field")
                        .post(o(fx.commune, "units"), w, "{}")
                        .is(400, INVALID, "unitId", "name", "kind"),
                refuse("coverage: an empty object names the cell")
                        .post(fx.unitPath("coverage"), w, "{}")
                        .is(400, INVALID, "cellId"),
                refuse("position: an empty object names the position and the holder")
                        .post(fx.unitPath("positions"), w, "{}")
                        .is(400, INVALID, "position", "holderName"),
                refuse("vacancy: an empty object names the position")
                        .post(fx.unitPath("vacancies"), w, "{}")
                        .is(400, INVALID, "position"),
                refuse("admission: without the applicant's full name it is named")
                        .post("/members/admissions", w, without(fx.admission(), "person.fullName"))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: without the applicant's birth date it is named")
                        .post("/members/admissions", w, without(fx.admission(), "person.birthDate"))
                        .is(400, INVALID, "person.birthDate"),
                refuse("admission: without the votes in favour it is named")
                        .post("/members/admissions", w, without(fx.admission(), "vote.inFavour"))
                        .is(400, INVALID, "vote.inFavour"),
                refuse("admission: without an introducer's acquaintance date it is named by index")
                        .post("/members/admissions", w, without(fx.admission(), "introducers[0].workedWithSince"))
                        .is(400, INVALID, "introducers[0].workedWithSince"),
                refuse("admission: an introducer with a blank member id is named by index")
                        .post("/members/admissions", w, with(fx.admission(), "introducers[0].memberId", ""))
                        .is(400, INVALID, "introducers[0].memberId"),
                refuse("admission: a certificate without its number is named")
                        .post("/members/admissions", w, without(fx.admission(), "awarenessCertificate.number"))
                        .is(400, INVALID, "awarenessCertificate.number"),
                refuse("admission: a blank cell id is named")
                        .post("/members/admissions", w, with(fx.admission(), "cellId", "   "))
                        .is(400, INVALID, "cellId"),
                refuse("admission: an empty decision number is named")
                        .post("/members/admissions", w, with(fx.admission(), "decisionNumber", ""))
                        .is(400, INVALID, "decisionNumber"),
                refuse("admission: an explicit null person is named")
                        .post("/members/admissions", w, with(fx.admission(), "person", null))
                        .is(400, INVALID, "person"),
                refuse("enrolment: without the register it comes from it is named")
                        .post("/members/enrolments", w, without(fx.enrolment(), "register"))
                        .is(400, INVALID, "register"),
                refuse("enrolment: without the member's sex it is named")
                        .post("/members/enrolments", w, without(fx.enrolment(), "person.sex"))
                        .is(400, INVALID, "person.sex"),
                refuse("readmission: without the provincial consent it is named")
                        .post("/members/readmissions", w, without(fx.readmission(fx.readmittedEarlier),
                                "provincialConsentNumber"))
                        .is(400, INVALID, "provincialConsentNumber"),
                refuse("readmission: without introducers it is named")
                        .post("/members/readmissions", w, without(fx.readmission(fx.readmittedEarlier), "introducers"))
                        .is(400, INVALID, "introducers"),
                refuse("swearing-in: an explicit null ceremony date is named")
                        .post(m(fx.probationer(), "swearing-in"), w, with(fx.swearingIn(), "ceremonyDate", null))
                        .is(400, INVALID, "ceremonyDate"),
                refuse("recognition: without the deciding committee it is named")
                        .post(m(fx.swornProbationer(), "recognition"), w, without(fx.recognition(), "decidingOrgId"))
                        .is(400, INVALID, "decidingOrgId"),
                refuse("transfer: without the receiving organisation it is named")
                        .post(m(fx.official(), "transfers"), w, without(fx.transfer(), "toOrgId"))
                        .is(400, INVALID, "toOrgId"),
                refuse("temporary stay: without its end date it is named")
                        .post(m(fx.official(), "temporary-transfers"), w, without(fx.temporary(), "until"))
                        .is(400, INVALID, "until"),
                refuse("discipline: without a level it is named")
                        .post(m(fx.official(), "disciplines"), w, without(fx.discipline(), "level"))
                        .is(400, INVALID, "level"),
                refuse("rating: an explicit null for the points is named")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "points", null))
                        .is(400, INVALID, "points"),
                refuse("rating: an empty deciding committee is named")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "decidingOrgId", ""))
                        .is(400, INVALID, "decidingOrgId"),
                refuse("removal: without a ground it is named")
                        .post(m(fx.official(), "removal"), w, without(fx.removal(), "ground"))
                        .is(400, INVALID, "ground"),
                refuse("expulsion: a reason of only spaces is named")
                        .post(m(fx.official(), "expulsion"), w, with(fx.expulsion(), "reason", "   "))
                        .is(400, INVALID, "reason"),
                refuse("correction: without the corrected seq it is named")
                        .post(m(fx.expelled, "corrections"), w, without(fx.correction(), "correctedSeq"))
                        .is(400, INVALID, "correctedSeq"),
                refuse("organisation: a name of only spaces is named")
                        .post("/organizations", w, Requests.organization(fx.id("blank"), "   ", "CELL", fx.g))
                        .is(400, INVALID, "name"),
                refuse("merge: an empty list of sources is named")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", List.of()))
                        .is(400, INVALID, "sourceIds"),
                refuse("merge: a blank source id is named by index")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", List.of("")))
                        .is(400, INVALID, "sourceIds[0]"),
                refuse("unit: without a unit id it is named")
                        .post(o(fx.commune, "units"), w, without(fx.unit(fx.id("U-none")), "unitId"))
                        .is(400, INVALID, "unitId"),
                refuse("position: a holder name of only spaces is named")
                        .post(fx.unitPath("positions"), w, with(fx.position(), "holderName", " "))
                        .is(400, INVALID, "holderName"));
    }

    // ------------------------------------------------------------------- 3b. lengths, bounds and id patterns

    private static List<Case> outOfBounds(Fixture fx) {
        String w = fx.writer;
        String tooLongName = "Nguyễn " + "A".repeat(194);
        return List.of(
                refuse("admission: a full name of 201 characters is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", tooLongName))
                        .is(400, INVALID, "person.fullName"),
                refuse("admission: an ethnicity of 61 characters is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.ethnicity", "T".repeat(61)))
                        .is(400, INVALID, "person.ethnicity"),
                refuse("admission: a decision number of 65 characters is named")
                        .post("/members/admissions", w, with(fx.admission(), "decisionNumber", "9".repeat(65)))
                        .is(400, INVALID, "decisionNumber"),
                refuse("admission: a member id with a space and punctuation is named")
                        .post("/members/admissions", w, with(fx.admission(), "memberId", "bad id!"))
                        .is(400, INVALID, "memberId"),
                refuse("admission: a member id of 65 characters is named")
                        .post("/members/admissions", w, with(fx.admission(), "memberId", "m".repeat(65)))
                        .is(400, INVALID, "memberId"),
                refuse("admission: a residence unit id with a slash is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.residenceUnitId", "x/y"))
                        .is(400, INVALID, "person.residenceUnitId"),
                refuse("admission: a birth date in the future is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.birthDate",
                                fx.today.plusDays(40).toString()))
                        .is(400, INVALID, "person.birthDate"),
                refuse("admission: a vote with no official members is named")
                        .post("/members/admissions", w, with(fx.admission(), "vote.officialMembers", 0))
                        .is(400, INVALID, "vote.officialMembers"),
                refuse("admission: a vote with 10001 official members is named")
                        .post("/members/admissions", w, with(fx.admission(), "vote.officialMembers", 10_001))
                        .is(400, INVALID, "vote.officialMembers"),
                refuse("admission: a negative count of exempted absentees is named")
                        .post("/members/admissions", w, with(fx.admission(), "vote.exemptedAbsent", -1))
                        .is(400, INVALID, "vote.exemptedAbsent"),
                refuse("admission: three introducers are named")
                        .post("/members/admissions", w, with(fx.admission(), "introducers", List.of(
                                map("memberId", fx.a.introducer(), "workedWithSince", "2023-01-10"),
                                map("memberId", fx.a.secondIntroducer(), "workedWithSince", "2022-06-01"),
                                map("memberId", fx.official, "workedWithSince", "2022-06-01"))))
                        .is(400, INVALID, "introducers"),
                refuse("enrolment: a full name of 201 characters is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "person.fullName", tooLongName))
                        .is(400, INVALID, "person.fullName"),
                refuse("enrolment: a register name of 201 characters is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "register", "S".repeat(201)))
                        .is(400, INVALID, "register"),
                refuse("enrolment: a party card number of 33 characters is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "partyCardNumber", "7".repeat(33)))
                        .is(400, INVALID, "partyCardNumber"),
                refuse("readmission: a consent number of 65 characters is named")
                        .post("/members/readmissions", w, with(fx.readmission(fx.readmittedEarlier),
                                "provincialConsentNumber", "C".repeat(65)))
                        .is(400, INVALID, "provincialConsentNumber"),
                refuse("organisation: a name of 201 characters is named")
                        .post("/organizations", w, Requests.organization(fx.id("long"), tooLongName, "CELL", fx.g))
                        .is(400, INVALID, "name"),
                refuse("organisation: an id starting with a dash is named")
                        .post("/organizations", w, Requests.organization("-starts-with-a-dash", "Chi bộ", "CELL",
                                fx.g))
                        .is(400, INVALID, "id"),
                refuse("organisation: a parent id that walks up a path is named")
                        .post("/organizations", w, Requests.organization(fx.id("path"), "Chi bộ", "CELL", "../etc"))
                        .is(400, INVALID, "parentId"),
                refuse("organisation: a decision number of 65 characters is named")
                        .post("/organizations", w, with(Requests.organization(fx.id("dno"), "Chi bộ", "CELL", fx.g),
                                "decisionNumber", "9".repeat(65)))
                        .is(400, INVALID, "decisionNumber"),
                refuse("rename: a name of 201 characters is named")
                        .post(o(fx.g, "rename"), w, map("name", tooLongName))
                        .is(400, INVALID, "name"),
                refuse("dissolution: a reason of 1001 characters is named")
                        .post(o(fx.cell(), "dissolution"), w, map("reason", "r".repeat(1001)))
                        .is(400, INVALID, "reason"),
                refuse("merge: 101 sources are named")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", IntStream.rangeClosed(1, 101)
                                .mapToObj(i -> "S-" + i).toList()))
                        .is(400, INVALID, "sourceIds"),
                refuse("unit: a unit id with a space is named")
                        .post(o(fx.commune, "units"), w, with(fx.unit("U 1"), "unitId", "U 1"))
                        .is(400, INVALID, "unitId"),
                refuse("unit: a name of 201 characters is named")
                        .post(o(fx.commune, "units"), w, with(fx.unit(fx.id("U-long")), "name", tooLongName))
                        .is(400, INVALID, "name"),
                refuse("position: a holder name of 201 characters is named")
                        .post(fx.unitPath("positions"), w, with(fx.position(), "holderName", tooLongName))
                        .is(400, INVALID, "holderName"),
                refuse("expulsion: a reason of 1001 characters is named")
                        .post(m(fx.official(), "expulsion"), w, with(fx.expulsion(), "reason", "r".repeat(1001)))
                        .is(400, INVALID, "reason"),
                refuse("removal: details of 1001 characters are named")
                        .post(m(fx.official(), "removal"), w, with(fx.removal(), "details", "d".repeat(1001)))
                        .is(400, INVALID, "details"),
                refuse("death: a note of 1001 characters is named")
                        .post(m(fx.official(), "death"), w, with(fx.death(), "note", "n".repeat(1001)))
                        .is(400, INVALID, "note"),
                refuse("exemption: a reason of 1001 characters is named")
                        .post(m(fx.official(), "exemption"), w, with(fx.exemption(), "reason", "r".repeat(1001)))
                        .is(400, INVALID, "reason"),
                refuse("transfer: a reason of 1001 characters is named")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "reason", "r".repeat(1001)))
                        .is(400, INVALID, "reason"),
                refuse("discipline: a decision number of 65 characters is named")
                        .post(m(fx.official(), "disciplines"), w, with(fx.discipline(), "decisionNumber",
                                "9".repeat(65)))
                        .is(400, INVALID, "decisionNumber"),
                refuse("recognition: a party card number of 33 characters is named")
                        .post(m(fx.swornProbationer(), "recognition"), w, with(fx.recognition(), "partyCardNumber",
                                "7".repeat(33)))
                        .is(400, INVALID, "partyCardNumber"),
                refuse("probation failure: a reason of 1001 characters is named")
                        .post(m(fx.swornProbationer(), "probation-failure"), w, with(fx.failure(), "reason",
                                "r".repeat(1001)))
                        .is(400, INVALID, "reason"),
                refuse("rating: 101 points are named")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "points", 101, "level", "EXCELLENT"))
                        .is(400, INVALID, "points"),
                refuse("rating: negative points are named")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "points", -1, "level", "NOT_COMPLETED"))
                        .is(400, INVALID, "points"),
                refuse("rating: the year 1999 is named")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "year", 1999))
                        .is(400, INVALID, "year"),
                refuse("rating: the year 2101 is named")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "year", 2101))
                        .is(400, INVALID, "year"),
                refuse("correction: a corrected seq of 0 is named")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "correctedSeq", 0))
                        .is(400, INVALID, "correctedSeq"));
    }

    // ------------------------------------------------------------------------------------- 4. rule violations

    private static List<Case> ruleViolations(Fixture fx) {
        String w = fx.writer;
        String cw = fx.centralWriter;
        String future = fx.today.plusDays(40).toString();
        List<Case> cases = new ArrayList<>();
        // admission
        cases.addAll(List.of(
                refuse("admission: an applicant of 15 breaks the age rule")
                        .post("/members/admissions", w, with(fx.admission(), "person.birthDate", "2010-01-01"))
                        .is(422, "rule:admission.age", "person.birthDate"),
                refuse("admission: an applicant one month short of 18 breaks the age rule")
                        .post("/members/admissions", w, with(fx.admission(), "person.birthDate", "2007-09-03"))
                        .is(422, "rule:admission.age", "person.birthDate"),
                refuse("admission: an applicant of 65 admitted by a grassroots committee breaks the age rule")
                        .post("/members/admissions", w, with(fx.admission(), "person.birthDate", "1960-01-01"))
                        .is(422, "rule:admission.age", "person.birthDate"),
                refuse("admission: primary education only breaks the education rule")
                        .post("/members/admissions", w, with(fx.admission(), "person.education", "PRIMARY"))
                        .is(422, "rule:admission.education", "person.education"),
                refuse("admission: an education exception for a Secretariat's case without its document breaks the"
                        + " education rule")
                        .post("/members/admissions", w, with(fx.admission(), "person.education", "PRIMARY",
                                "educationException", map("ground", "SECRETARIAT_CASE")))
                        .is(422, "rule:admission.education", "educationException.basis"),
                refuse("admission: an education exception on a ground the regulations do not name is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.education", "PRIMARY",
                                "educationException", map("ground", "BIG_CITY", "basis", "Hà Nội")))
                        .is(400, INVALID, "educationException.ground"),
                refuse("admission: an education exception without its ground is named")
                        .post("/members/admissions", w, with(fx.admission(), "person.education", "PRIMARY",
                                "educationException", map("basis", "bản Nà Mò")))
                        .is(400, INVALID, "educationException.ground"),
                refuse("admission: no awareness-course certificate breaks the certificate rule")
                        .post("/members/admissions", w, without(fx.admission(), "awarenessCertificate"))
                        .is(422, "rule:admission.awareness-certificate", "awarenessCertificate"),
                refuse("admission: a certificate expired before the cell's resolution breaks the certificate rule")
                        .post("/members/admissions", w, with(fx.admission(), "awarenessCertificate.issuedOn",
                                "2020-01-01"))
                        .is(422, "rule:admission.awareness-certificate", "awarenessCertificate.issuedOn"),
                refuse("admission: a certificate issued after the cell's resolution breaks the certificate rule")
                        .post("/members/admissions", w, with(fx.admission(), "awarenessCertificate.issuedOn",
                                "2025-09-10"))
                        .is(422, "rule:admission.awareness-certificate", "awarenessCertificate.issuedOn"),
                refuse("admission: one introducer without the youth union breaks the introducers rule")
                        .post("/members/admissions", w, with(fx.admission(), "introducers", List.of(
                                map("memberId", fx.a.introducer(), "workedWithSince", "2023-01-10"))))
                        .is(422, "rule:admission.introducers", "introducers"),
                refuse("admission: the same introducer twice breaks the introducers rule")
                        .post("/members/admissions", w, with(fx.admission(), "introducers[1].memberId",
                                fx.a.introducer()))
                        .is(422, "rule:admission.introducers", "introducers[1].memberId"),
                refuse("admission: a probationary introducer breaks the introducers rule")
                        .post("/members/admissions", w, with(fx.admission(), "introducers[0].memberId", fx.probation))
                        .is(422, "rule:admission.introducers", "introducers[0].memberId"),
                refuse("admission: an introducer expelled before the cell's resolution breaks the introducers rule")
                        .post("/members/admissions", w, with(fx.admission(), "introducers[1].memberId", fx.expelled,
                                "cellResolutionDate", "2025-10-06", "decisionDate", "2025-10-20"))
                        .is(422, "rule:admission.introducers", "introducers[1].memberId"),
                refuse("admission: an introducer who has known the applicant eight months breaks the introducers rule")
                        .post("/members/admissions", w, with(fx.admission(), "introducers[0].workedWithSince",
                                "2025-01-01"))
                        .is(422, "rule:admission.introducers", "introducers[0].workedWithSince"),
                refuse("admission: the youth union with two introducers breaks the introducers rule")
                        .post("/members/admissions", w, with(fx.admission(), "youthUnionIntroduced", true))
                        .is(422, "rule:admission.introducers", "introducers"),
                refuse("admission: the youth union introducing an applicant of 45 breaks the youth-union-route rule")
                        .post("/members/admissions", w, with(fx.admission(), "youthUnionIntroduced", true,
                                "person.birthDate", "1980-04-12", "introducers", List.of(
                                        map("memberId", fx.a.introducer(), "workedWithSince", "2023-01-10"))))
                        .is(422, "rule:admission.youth-union-route", "youthUnionIntroduced"),
                refuse("admission: 7 of 11 in favour breaks the two-thirds rule")
                        .post("/members/admissions", w, with(fx.admission(), "vote.inFavour", 7))
                        .is(422, "rule:admission.two-thirds-vote", "vote.inFavour"),
                refuse("admission: more in favour than members who count breaks the two-thirds rule")
                        .post("/members/admissions", w, with(fx.admission(), "vote.inFavour", 12))
                        .is(422, "rule:admission.two-thirds-vote", "vote.inFavour"),
                refuse("admission: a vote where nobody counts breaks the two-thirds rule")
                        .post("/members/admissions", w, with(fx.admission(), "vote", map("officialMembers", 1,
                                "temporarilyTransferredOut", 1, "exemptedAbsent", 0, "inFavour", 0)))
                        .is(422, "rule:admission.two-thirds-vote", "vote.officialMembers"),
                refuse("admission: a decision before the cell's resolution breaks the deadline rule")
                        .post("/members/admissions", w, with(fx.admission(), "cellResolutionDate", "2025-09-25"))
                        .is(422, "rule:admission.decision-deadline", "decisionDate"),
                refuse("admission: a decision six months after the resolution breaks the deadline rule")
                        .post("/members/admissions", w, with(fx.admission(), "decisionDate", "2026-03-02"))
                        .is(422, "rule:admission.decision-deadline", "decisionDate"),
                refuse("admission: even a special case cannot decide nine months after the resolution")
                        .post("/members/admissions", w, with(fx.admission(), "decisionDate", "2026-06-01",
                                "specialCase", true))
                        .is(422, "rule:admission.decision-deadline", "decisionDate"),
                refuse("admission: a decision dated in the future breaks the not-in-future rule")
                        .post("/members/admissions", w, with(fx.admission(), "decisionDate", future))
                        .is(422, "rule:decision.not-in-future", "decisionDate"),
                refuse("admission: decided by the cell itself breaks the competent-committee rule")
                        .post("/members/admissions", w, with(fx.admission(), "decidingOrgId", fx.c1))
                        .is(422, "rule:decision.competent-committee", "decidingOrgId"),
                refuse("admission: decided by a sibling cell breaks the competent-committee rule")
                        .post("/members/admissions", w, with(fx.admission(), "decidingOrgId", fx.c2))
                        .is(422, "rule:decision.competent-committee", "decidingOrgId"),
                refuse("admission: decided by a district committee after 1 July 2025 breaks the no-district rule")
                        .post("/members/admissions", w, with(fx.admission(), "cellId", fx.districtCell,
                                "decidingOrgId", fx.district))
                        .is(422, "rule:decision.no-district-level", "decidingOrgId")));
        // probation
        cases.addAll(List.of(
                refuse("swearing-in: a ceremony five months after the decision breaks the ceremony deadline")
                        .post(m(fx.probation, "swearing-in"), w, map("ceremonyDate", "2026-03-02"))
                        .is(422, "rule:probation.ceremony-deadline", "ceremonyDate"),
                refuse("swearing-in: receiving the decision before it was taken breaks the ceremony rule")
                        .post(m(fx.probation, "swearing-in"), w, map("ceremonyDate", "2025-09-30",
                                "decisionReceivedOn", "2025-09-10"))
                        .is(422, "rule:probation.ceremony-deadline", "decisionReceivedOn"),
                refuse("swearing-in: a ceremony before the decision was received breaks the ceremony rule")
                        .post(m(fx.probation, "swearing-in"), w, map("ceremonyDate", "2025-09-25",
                                "decisionReceivedOn", "2025-10-01"))
                        .is(422, "rule:probation.ceremony-deadline", "ceremonyDate"),
                refuse("swearing-in: a ceremony in the future breaks the not-in-future rule")
                        .post(m(fx.probation, "swearing-in"), w, map("ceremonyDate", future))
                        .is(422, "rule:decision.not-in-future", "ceremonyDate"),
                refuse("recognition: considered before twelve months of probation breaks the probation rule")
                        .post(m(fx.sworn, "recognition"), w, with(fx.recognition(), "cellResolutionDate", "2025-02-10",
                                "decisionDate", "2025-02-20"))
                        .is(422, "rule:probation.served", "cellResolutionDate"),
                refuse("recognition: decided before the cell's resolution breaks the probation rule")
                        .post(m(fx.sworn, "recognition"), w, with(fx.recognition(), "cellResolutionDate", "2025-04-10",
                                "decisionDate", "2025-04-01"))
                        .is(422, "rule:probation.served", "decisionDate"),
                refuse("recognition: decided by the member's own cell breaks the competent-committee rule")
                        .post(m(fx.sworn, "recognition"), w, with(fx.recognition(), "decidingOrgId", fx.c1))
                        .is(422, "rule:decision.competent-committee", "decidingOrgId"),
                refuse("probation failure: considered before twelve months of probation breaks the probation rule")
                        .post(m(fx.sworn, "probation-failure"), w, with(fx.failure(), "cellResolutionDate",
                                "2025-02-10", "decisionDate", "2025-02-20"))
                        .is(422, "rule:probation.served", "cellResolutionDate")));
        // transfers
        cases.addAll(List.of(
                refuse("transfer: to the place of residence for a new job breaks the residence-circumstance rule")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "kind", "TO_RESIDENCE"))
                        .is(422, "rule:transfer.residence-circumstance", "circumstance"),
                refuse("transfer: to the member's own cell breaks the destination rule")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "toCellId", fx.c1))
                        .is(422, "rule:transfer.destination", "toCellId"),
                refuse("transfer: to a cell outside the receiving organisation breaks the destination rule")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "toOrgId", fx.b.grassroots()))
                        .is(422, "rule:transfer.destination", "toCellId"),
                refuse("receipt: at the member's own cell breaks the destination rule")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "cellId", fx.c1))
                        .is(422, "rule:transfer.destination", "cellId"),
                refuse("receipt: at a cell other than the one named by the transfer breaks the destination rule")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "cellId", fx.districtCell))
                        .is(422, "rule:transfer.destination", "cellId"),
                refuse("temporary stay: one month breaks the duration rule")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "until", "2026-07-01"))
                        .is(422, "rule:transfer.temporary-duration", "until"),
                refuse("temporary stay: twelve months for work breaks the duration rule")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "decisionDate",
                                "2025-10-01", "until", "2026-10-01"))
                        .is(422, "rule:transfer.temporary-duration", "until"),
                refuse("temporary stay: 25 months of study breaks the duration rule")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "reason", "STUDY",
                                "decisionDate", "2024-01-01", "until", "2026-02-01"))
                        .is(422, "rule:transfer.temporary-duration", "until"),
                refuse("temporary stay: ending before it starts breaks the duration rule")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "until", "2026-05-01"))
                        .is(422, "rule:transfer.temporary-duration", "until"),
                refuse("temporary stay: at the member's own cell breaks the duration rule")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "hostCellId", fx.c1))
                        .is(422, "rule:transfer.temporary-duration", "hostCellId"),
                refuse("temporary stay: at a committee, not a cell, breaks the duration rule")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "hostCellId", fx.g))
                        .is(422, "rule:transfer.temporary-duration", "hostCellId"),
                refuse("end of a temporary stay: in the future breaks the not-in-future rule")
                        .post(m(fx.staying, "temporary-transfers/end"), w, map("endedOn", future))
                        .is(422, "rule:decision.not-in-future", "endedOn"),
                refuse("residence liaison: with the member's own cell breaks the liaison rule")
                        .post(m(fx.official(), "residence-liaison"), w, with(fx.liaison(), "residenceCellId", fx.c1))
                        .is(422, "rule:liaison.residence-cell", "residenceCellId"),
                refuse("residence liaison: with a committee breaks the liaison rule")
                        .post(m(fx.official(), "residence-liaison"), w, with(fx.liaison(), "residenceCellId", fx.g))
                        .is(422, "rule:liaison.residence-cell", "residenceCellId"),
                refuse("residence liaison: registered in the future breaks the not-in-future rule")
                        .post(m(fx.official(), "residence-liaison"), w, with(fx.liaison(), "registeredOn", future))
                        .is(422, "rule:decision.not-in-future", "registeredOn")));
        // standing and leaving
        cases.addAll(List.of(
                refuse("exemption: of a probationary member breaks the officials-only rule")
                        .post(m(fx.probationer(), "exemption"), w, fx.exemption())
                        .is(422, "rule:exemption.official-only", "memberId"),
                refuse("exemption: decided in the future breaks the not-in-future rule")
                        .post(m(fx.official(), "exemption"), w, with(fx.exemption(), "decisionDate", future))
                        .is(422, "rule:decision.not-in-future", "decisionDate"),
                refuse("exemption: decided by a district committee after 1 July 2025 breaks the no-district rule")
                        .post(m(fx.districtOfficial(), "exemption"), w, with(fx.exemption(), "decisionDate",
                                "2025-10-01", "decidingOrgId", fx.district))
                        .is(422, "rule:decision.no-district-level", "decidingOrgId"),
                refuse("discipline: dismissal of a probationary member breaks the probationer-forms rule")
                        .post(m(fx.probationer(), "disciplines"), w, with(fx.discipline(), "level", "DISMISSAL"))
                        .is(422, "rule:discipline.probationer-forms", "level"),
                refuse("discipline: decided by a sibling cell breaks the competent-committee rule")
                        .post(m(fx.official(), "disciplines"), w, with(fx.discipline(), "decidingOrgId", fx.c2))
                        .is(422, "rule:decision.competent-committee", "decidingOrgId"),
                refuse("rating: a second rating for the same year breaks the annual-rating rule")
                        .post(m(fx.rated, "ratings"), w, with(fx.rating(), "level", "EXCELLENT", "points", 95,
                                "decisionDate", "2025-12-20"))
                        .is(422, "rule:rating.annual", "year"),
                refuse("rating: a year after the decision breaks the annual-rating rule")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "year", 2026))
                        .is(422, "rule:rating.annual", "year"),
                refuse("rating: a year before the member was admitted breaks the annual-rating rule")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "year", 2014))
                        .is(422, "rule:rating.annual", "year"),
                refuse("rating: GOOD for 60 points breaks the annual-rating rule")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "year", 2024, "points", 60,
                                "decisionDate", "2024-12-15"))
                        .is(422, "rule:rating.annual", "level"),
                refuse("rating: COMPLETED for 95 points breaks the annual-rating rule")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "level", "COMPLETED", "points", 95))
                        .is(422, "rule:rating.annual", "level"),
                refuse("rating: GOOD in a year of unremedied discipline breaks the annual-rating rule")
                        .post(m(fx.disciplined, "ratings"), w, with(fx.rating(), "year", 2024, "points", 80,
                                "decisionDate", "2024-12-15"))
                        .is(422, "rule:rating.annual", "level"),
                refuse("rating: decided by a district committee after 1 July 2025 breaks the no-district rule")
                        .post(m(fx.districtOfficial(), "ratings"), w, with(fx.rating(), "decisionDate", "2025-10-01",
                                "decidingOrgId", fx.district))
                        .is(422, "rule:decision.no-district-level", "decidingOrgId"),
                refuse("expulsion: of a probationary member breaks the officials-only rule")
                        .post(m(fx.probationer(), "expulsion"), w, fx.expulsion())
                        .is(422, "rule:expulsion.official-only", "memberId"),
                refuse("expulsion: decided by a district committee after 1 July 2025 breaks the no-district rule")
                        .post(m(fx.districtOfficial(), "expulsion"), w, with(fx.expulsion(), "decisionDate",
                                "2025-10-01", "decidingOrgId", fx.district))
                        .is(422, "rule:decision.no-district-level", "decidingOrgId"),
                refuse("expulsion: decided in the future breaks the not-in-future rule")
                        .post(m(fx.official(), "expulsion"), w, with(fx.expulsion(), "decisionDate", future))
                        .is(422, "rule:decision.not-in-future", "decisionDate"),
                refuse("letting-go: screening out without two failed years breaks the screening rule")
                        .post(m(fx.official(), "letting-go"), w, with(fx.letGo(), "ground", "SCREENED_OUT"))
                        .is(422, "rule:letgo.screened-out-two-years", "ground"),
                refuse("removal: decided by the member's own cell breaks the competent-committee rule")
                        .post(m(fx.official(), "removal"), w, with(fx.removal(), "decidingOrgId", fx.c1))
                        .is(422, "rule:decision.competent-committee", "decidingOrgId"),
                refuse("death: a date of death in the future breaks the not-in-future rule")
                        .post(m(fx.official(), "death"), w, map("dateOfDeath", future))
                        .is(422, "rule:decision.not-in-future", "dateOfDeath")));
        // readmission: every case that gets past the previous member's lookup has a previous member of its own
        cases.addAll(List.of(
                refuse("readmission: of a member who never left breaks the once-only rule")
                        .post("/members/readmissions", w, fx.readmission(fx.official()))
                        .is(422, "rule:readmission.once-only", "previousMemberId"),
                refuse("readmission: a second time breaks the once-only rule")
                        .post("/members/readmissions", w, fx.readmission(fx.readmittedEarlier))
                        .is(422, "rule:readmission.once-only", "previousMemberId"),
                refuse("readmission: 29 months after leaving breaks the waiting-period rule")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()), "decisionDate",
                                "2023-06-01", "cellResolutionDate", "2023-05-20"))
                        .is(422, "rule:readmission.waiting-period", "decisionDate"),
                refuse("readmission: within 60 months of an expunged conviction breaks the waiting-period rule")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()), "convictionExpungedOn",
                                "2024-01-01"))
                        .is(422, "rule:readmission.waiting-period", "decisionDate"),
                refuse("readmission: of a member who asked to leave without family hardship is never allowed")
                        .post("/members/readmissions", w, without(fx.readmission(fx.letGoMember()), "declarations"))
                        .is(422, "rule:readmission.never", "previousMemberId"),
                refuse("readmission: of a member who stopped attending of their own accord is never allowed")
                        .post("/members/readmissions", w, fx.readmission(fx.removedAbsentMember()))
                        .is(422, "rule:readmission.never", "previousMemberId"),
                refuse("readmission: declaring serious disunity is never allowed")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()),
                                "declarations.causedSeriousDisunity", true))
                        .is(422, "rule:readmission.never", "declarations.causedSeriousDisunity"),
                refuse("readmission: declaring a corruption conviction is never allowed")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()),
                                "declarations.convictedOfCorruption", true))
                        .is(422, "rule:readmission.never", "declarations.convictedOfCorruption"),
                refuse("readmission: declaring a serious-crime conviction is never allowed")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()),
                                "declarations.convictedOfSeriousCrime", true))
                        .is(422, "rule:readmission.never", "declarations.convictedOfSeriousCrime"),
                refuse("readmission: a person of 75 readmitted by a grassroots committee breaks the age rule")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()), "person.birthDate",
                                "1950-01-01", "decidingOrgId", fx.g))
                        .is(422, "rule:admission.age", "person.birthDate"),
                refuse("readmission: 5 of 10 in favour breaks the two-thirds rule")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()), "vote.inFavour", 5))
                        .is(422, "rule:admission.two-thirds-vote", "vote.inFavour")));
        // corrections
        String id1 = fx.expelledEnrolmentEventId;
        String id2 = fx.expelledExpulsionEventId;
        cases.addAll(List.of(
                refuse("correction: of an event the member does not have breaks the target rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "correctedSeq", 9,
                                "correctedEventId", UUID.randomUUID().toString()))
                        .is(422, "rule:correction.target", "correctedSeq"),
                refuse("correction: naming another event's id breaks the target rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "correctedEventId",
                                UUID.randomUUID().toString()))
                        .is(422, "rule:correction.target", "correctedEventId"),
                refuse("correction: of a correction breaks the target rule")
                        .post(m(fx.corrected, "corrections"), w, with(fx.correction(), "correctedSeq", 3,
                                "correctedEventId", fx.correctionEventId, "decisionDate", "2026-07-01"))
                        .is(422, "rule:correction.target", "correctedSeq"),
                refuse("correction: an upheld appeal without the date it was lodged breaks the appeal-window rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD"))
                        .is(422, "rule:correction.appeal-window", "appealFiledOn"),
                refuse("correction: an appeal lodged ten weeks after expulsion breaks the appeal-window rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD",
                                "appealFiledOn", "2025-12-15", "decisionDate", "2025-12-20"))
                        .is(422, "rule:correction.appeal-window", "appealFiledOn"),
                refuse("correction: the expulsion received before its date breaks the appeal-window rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD",
                                "appealFiledOn", "2025-10-10", "decisionReceivedOn", "2025-09-20"))
                        .is(422, "rule:correction.appeal-window", "decisionReceivedOn"),
                refuse("correction: an appeal lodged more than a month after the member received the expulsion"
                        + " breaks the appeal-window rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD",
                                "appealFiledOn", "2025-11-10", "decisionReceivedOn", "2025-10-02"))
                        .is(422, "rule:correction.appeal-window", "appealFiledOn"),
                refuse("correction: an appeal lodged before the decision breaks the appeal-window rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD",
                                "appealFiledOn", "2025-09-01"))
                        .is(422, "rule:correction.appeal-window", "appealFiledOn"),
                refuse("correction: an appeal against an enrolment breaks the appeal-window rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "kind", "APPEAL_UPHELD",
                                "correctedSeq", 1, "correctedEventId", id1, "appealFiledOn", "2025-10-05"))
                        .is(422, "rule:correction.appeal-window", "correctedSeq"),
                refuse("correction: decided by the member's cell breaks the competent-committee rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "decidingOrgId", fx.c1))
                        .is(422, "rule:decision.competent-committee", "decidingOrgId"),
                refuse("correction: decided in the future breaks the not-in-future rule")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "decisionDate", future,
                                "correctedEventId", id2))
                        .is(422, "rule:decision.not-in-future", "decisionDate")));
        // enrolment from a register
        cases.addAll(List.of(
                refuse("enrolment: of a removed member breaks the status rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "status", "REMOVED"))
                        .is(422, "rule:enrolment.status", "status"),
                refuse("enrolment: an exempted probationary member breaks the status rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "status", "PROBATIONARY",
                                "recognizedOn", null, "exempted", true))
                        .is(422, "rule:enrolment.status", "exempted"),
                refuse("enrolment: an official member without a recognition date breaks the status rule")
                        .post("/members/enrolments", w, without(fx.enrolment(), "recognizedOn"))
                        .is(422, "rule:enrolment.status", "recognizedOn"),
                refuse("enrolment: a probationary member with a recognition date breaks the status rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "status", "PROBATIONARY"))
                        .is(422, "rule:enrolment.status", "recognizedOn"),
                refuse("enrolment: admitted in the future breaks the dates-in-order rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "status", "PROBATIONARY",
                                "recognizedOn", null, "admittedOn", future))
                        .is(422, "rule:enrolment.dates-in-order", "admittedOn"),
                refuse("enrolment: admitted before being born breaks the dates-in-order rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "person.birthDate", "2016-01-01"))
                        .is(422, "rule:enrolment.dates-in-order", "admittedOn"),
                refuse("enrolment: recognised before being admitted breaks the dates-in-order rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "recognizedOn", "2014-01-01"))
                        .is(422, "rule:enrolment.dates-in-order", "recognizedOn"),
                refuse("enrolment: recognised in the future breaks the dates-in-order rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "recognizedOn", future))
                        .is(422, "rule:enrolment.dates-in-order", "recognizedOn"),
                refuse("enrolment: admitted at ten breaks the plausible-age rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "person.birthDate", "2005-01-01"))
                        .is(422, "rule:enrolment.plausible-age", "person.birthDate"),
                refuse("enrolment: admitted at 95 breaks the plausible-age rule")
                        .post("/members/enrolments", w, with(fx.enrolment(), "person.birthDate", "1920-01-01"))
                        .is(422, "rule:enrolment.plausible-age", "person.birthDate")));
        // organisations
        String[] loop = fx.communeWithGrassroots();
        cases.addAll(List.of(
                refuse("organisation: a grassroots committee under a grassroots committee breaks the tree rule")
                        .post("/organizations", w, Requests.organization(fx.id("GG"), "Đảng bộ", "GRASSROOTS",
                                fx.g))
                        .is(422, "rule:organization.level-under-parent", "level"),
                refuse("organisation: a province under a commune breaks the tree rule")
                        .post("/organizations", w, Requests.organization(fx.id("PC"), "Tỉnh ủy", "PROVINCE",
                                fx.commune))
                        .is(422, "rule:organization.level-under-parent", "level"),
                refuse("organisation: a cell under a cell breaks the tree rule")
                        .post("/organizations", w, Requests.organization(fx.id("CC"), "Chi bộ", "CELL", fx.c1))
                        .is(422, "rule:organization.level-under-parent", "level"),
                refuse("organisation: a district founded in August 2025 breaks the no-district rule")
                        .post("/organizations", w, Requests.organization(fx.id("D8"), "Huyện ủy", "DISTRICT",
                                fx.province))
                        .is(422, "rule:organization.no-district-level", "level"),
                refuse("organisation: a district founded today breaks the no-district rule")
                        .post("/organizations", w, without(Requests.organization(fx.id("D0"), "Huyện ủy",
                                "DISTRICT", fx.province), "effectiveDate"))
                        .is(422, "rule:organization.no-district-level", "level"),
                refuse("organisation: a commune founded under a district in August 2025 breaks the no-district rule")
                        .post("/organizations", w, Requests.organization(fx.id("CD"), "Đảng ủy xã", "COMMUNE",
                                fx.district))
                        .is(422, "rule:organization.no-district-level", "parentId"),
                refuse("move: a commune under its own grassroots committee breaks the no-cycle rule")
                        .post(o(loop[0], "move"), w, map("newParentId", loop[1], "effectiveDate", "2025-09-01"))
                        .is(422, "rule:organization.no-cycle", "newParentId"),
                refuse("move: a cell directly under the province breaks the tree rule")
                        .post(o(fx.cell(), "move"), w, map("newParentId", fx.province, "effectiveDate", "2025-09-01"))
                        .is(422, "rule:organization.level-under-parent", "newParentId"),
                refuse("move: a commune under a district in August 2025 breaks the no-district rule")
                        .post(o(fx.communeWithGrassroots()[0], "move"), w, map("newParentId", fx.district,
                                "effectiveDate", "2025-08-01"))
                        .is(422, "rule:organization.no-district-level", "newParentId"),
                refuse("merge: a cell into a grassroots committee breaks the same-level rule")
                        .post(o(fx.g, "merge"), w, map("sourceIds", List.of(fx.cell())))
                        .is(422, "rule:organization.merge-same-level", "sourceIds[0]"),
                refuse("merge: a commune into a cell breaks the same-level rule")
                        .post(o(fx.c2, "merge"), cw, map("sourceIds", List.of(fx.communeWithGrassroots()[0])))
                        .is(422, "rule:organization.merge-same-level", "sourceIds[0]")));
        return cases;
    }

    // ------------------------------------------------------------------------------------- 5. unknown ids

    private static List<Case> unknownIds(Fixture fx) {
        String w = fx.writer;
        String nobody = "nobody-" + fx.sfx;
        String nowhere = "nowhere-" + fx.sfx;
        List<Case> cases = new ArrayList<>(List.of(
                refuse("an unknown member is not found when read")
                        .send("GET", "/members/" + nobody, w, null).is(404, NOT_FOUND),
                refuse("an unknown member's history is not found")
                        .send("GET", m(nobody, "history"), w, null).is(404, NOT_FOUND),
                refuse("an unknown member's chain is not found for verification")
                        .send("GET", m(nobody, "verify"), w, null).is(404, NOT_FOUND),
                refuse("swearing-in: an unknown member is not found")
                        .post(m(nobody, "swearing-in"), w, fx.swearingIn()).is(404, NOT_FOUND),
                refuse("recognition: an unknown member is not found")
                        .post(m(nobody, "recognition"), w, fx.recognition()).is(404, NOT_FOUND),
                refuse("probation failure: an unknown member is not found")
                        .post(m(nobody, "probation-failure"), w, fx.failure()).is(404, NOT_FOUND),
                refuse("transfer: an unknown member is not found")
                        .post(m(nobody, "transfers"), w, fx.transfer()).is(404, NOT_FOUND),
                refuse("receipt: an unknown member is not found")
                        .post(m(nobody, "transfers/receipt"), w, fx.receipt()).is(404, NOT_FOUND),
                refuse("temporary stay: an unknown member is not found")
                        .post(m(nobody, "temporary-transfers"), w, fx.temporary()).is(404, NOT_FOUND),
                refuse("end of a temporary stay: an unknown member is not found")
                        .post(m(nobody, "temporary-transfers/end"), w, fx.temporaryEnd()).is(404, NOT_FOUND),
                refuse("residence liaison: an unknown member is not found")
                        .post(m(nobody, "residence-liaison"), w, fx.liaison()).is(404, NOT_FOUND),
                refuse("exemption: an unknown member is not found")
                        .post(m(nobody, "exemption"), w, fx.exemption()).is(404, NOT_FOUND),
                refuse("discipline: an unknown member is not found")
                        .post(m(nobody, "disciplines"), w, fx.discipline()).is(404, NOT_FOUND),
                refuse("rating: an unknown member is not found")
                        .post(m(nobody, "ratings"), w, fx.rating()).is(404, NOT_FOUND),
                refuse("removal: an unknown member is not found")
                        .post(m(nobody, "removal"), w, fx.removal()).is(404, NOT_FOUND),
                refuse("letting-go: an unknown member is not found")
                        .post(m(nobody, "letting-go"), w, fx.letGo()).is(404, NOT_FOUND),
                refuse("expulsion: an unknown member is not found")
                        .post(m(nobody, "expulsion"), w, fx.expulsion()).is(404, NOT_FOUND),
                refuse("death: an unknown member is not found")
                        .post(m(nobody, "death"), w, fx.death()).is(404, NOT_FOUND),
                refuse("correction: an unknown member is not found")
                        .post(m(nobody, "corrections"), w, fx.correction()).is(404, NOT_FOUND),
                refuse("an unknown organisation is not found when read")
                        .send("GET", "/organizations/" + nowhere, w, null).is(404, NOT_FOUND),
                refuse("an unknown organisation's history is not found")
                        .send("GET", o(nowhere, "history"), w, null).is(404, NOT_FOUND),
                refuse("an unknown organisation's chain is not found for verification")
                        .send("GET", o(nowhere, "verify"), w, null).is(404, NOT_FOUND),
                refuse("an unknown organisation's units are not found")
                        .send("GET", o(nowhere, "units"), w, null).is(404, NOT_FOUND),
                refuse("rename: an unknown organisation is not found")
                        .post(o(nowhere, "rename"), w, map("name", "Tên mới")).is(404, NOT_FOUND),
                refuse("move: an unknown organisation is not found")
                        .post(o(nowhere, "move"), w, map("newParentId", fx.g)).is(404, NOT_FOUND),
                refuse("dissolution: an unknown organisation is not found")
                        .post(o(nowhere, "dissolution"), w, map("reason", "gone")).is(404, NOT_FOUND),
                refuse("unit: under an unknown organisation is not found")
                        .post(o(nowhere, "units"), w, fx.unit(fx.id("U-nw"))).is(404, NOT_FOUND),
                refuse("merge: into an unknown organisation is not found")
                        .post(o(nowhere, "merge"), w, map("sourceIds", List.of(fx.cell()))).is(404, NOT_FOUND),
                refuse("coverage: of an unknown unit is not found")
                        .post(o(fx.commune, "units/no-such-unit/coverage"), w, map("cellId", fx.c1))
                        .is(404, NOT_FOUND),
                refuse("position: in an unknown unit is not found")
                        .post(o(fx.commune, "units/no-such-unit/positions"), w, fx.position()).is(404, NOT_FOUND),
                refuse("vacancy: in an unknown unit is not found")
                        .post(o(fx.commune, "units/no-such-unit/vacancies"), w, fx.vacancy()).is(404, NOT_FOUND)));
        cases.addAll(List.of(
                refuse("admission: an unknown deciding committee is an unknown reference")
                        .post("/members/admissions", w, with(fx.admission(), "decidingOrgId", nowhere))
                        .is(422, UNKNOWN, "decidingOrgId"),
                refuse("admission: into a cell dissolved before the cell's resolution breaks the existed-on-date rule")
                        .post("/members/admissions", w, with(fx.admission(), "cellId", fx.dissolvedCell))
                        .is(422, "rule:organization.existed-on-date", "cellId"),
                refuse("admission: an introducer who does not exist is an unknown reference")
                        .post("/members/admissions", w, with(fx.admission(), "introducers[0].memberId", nobody))
                        .is(422, UNKNOWN, "introducers[0].memberId"),
                refuse("enrolment: into an unknown cell is an unknown reference")
                        .post("/members/enrolments", w, with(fx.enrolment(), "cellId", nowhere))
                        .is(422, UNKNOWN, "cellId"),
                refuse("readmission: of an unknown previous member is an unknown reference")
                        .post("/members/readmissions", w, fx.readmission(nobody))
                        .is(422, UNKNOWN, "previousMemberId"),
                refuse("readmission: into an unknown cell is an unknown reference")
                        .post("/members/readmissions", w, with(fx.readmission(fx.letGoMember()), "cellId", nowhere))
                        .is(422, UNKNOWN, "cellId"),
                refuse("organisation: under an unknown parent is an unknown reference")
                        .post("/organizations", w, Requests.organization(fx.id("UP"), "Chi bộ", "CELL", nowhere))
                        .is(422, UNKNOWN, "parentId"),
                refuse("organisation: under a dissolved parent is an unknown reference")
                        .post("/organizations", w, Requests.organization(fx.id("DP"), "Chi bộ", "CELL",
                                fx.dissolvedCell))
                        .is(422, UNKNOWN, "parentId"),
                refuse("transfer: to an unknown organisation is an unknown reference")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "toOrgId", nowhere))
                        .is(422, UNKNOWN, "toOrgId"),
                refuse("transfer: to an organisation dissolved before the decision breaks the existed-on-date rule")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "toOrgId", fx.dissolvedCell,
                                "toCellId", null))
                        .is(422, "rule:organization.existed-on-date", "toOrgId"),
                refuse("transfer: to an unknown cell is an unknown reference")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "toCellId", nowhere))
                        .is(422, UNKNOWN, "toCellId"),
                refuse("receipt: at an unknown cell is an unknown reference")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "cellId", nowhere))
                        .is(422, UNKNOWN, "cellId"),
                refuse("temporary stay: at an unknown cell is an unknown reference")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "hostCellId", nowhere))
                        .is(422, UNKNOWN, "hostCellId"),
                refuse("temporary stay: at a cell dissolved before the decision breaks the existed-on-date rule")
                        .post(m(fx.official(), "temporary-transfers"), w, with(fx.temporary(), "hostCellId",
                                fx.dissolvedCell))
                        .is(422, "rule:organization.existed-on-date", "hostCellId"),
                refuse("residence liaison: with an unknown cell is an unknown reference")
                        .post(m(fx.official(), "residence-liaison"), w, with(fx.liaison(), "residenceCellId", nowhere))
                        .is(422, UNKNOWN, "residenceCellId"),
                refuse("expulsion: by an unknown committee is an unknown reference")
                        .post(m(fx.official(), "expulsion"), w, with(fx.expulsion(), "decidingOrgId", nowhere))
                        .is(422, UNKNOWN, "decidingOrgId"),
                refuse("rating: by an unknown committee is an unknown reference")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "decidingOrgId", nowhere))
                        .is(422, UNKNOWN, "decidingOrgId"),
                refuse("move: under an unknown parent is an unknown reference")
                        .post(o(fx.cell(), "move"), w, map("newParentId", nowhere))
                        .is(422, UNKNOWN, "newParentId"),
                refuse("merge: of an unknown organisation is an unknown reference")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", List.of(nowhere)))
                        .is(422, UNKNOWN, "sourceIds[0]"),
                refuse("coverage: by an unknown cell is an unknown reference")
                        .post(fx.unitPath("coverage"), w, map("cellId", nowhere))
                        .is(422, UNKNOWN, "cellId"),
                refuse("position: held by an unknown member is an unknown reference")
                        .post(fx.unitPath("positions"), w, with(fx.position(), "memberId", nobody))
                        .is(422, UNKNOWN, "memberId")));
        return cases;
    }

    // ------------------------------------------------------------- 5b. conflicts with the tree and the register

    private static List<Case> treeConflicts(Fixture fx) {
        String w = fx.writer;
        String cw = fx.centralWriter;
        return List.of(
                refuse("admission: into a commune committee, which holds no members, is named")
                        .post("/members/admissions", w, with(fx.admission(), "cellId", fx.commune))
                        .is(400, INVALID, "cellId"),
                refuse("admission: a member id already taken is a conflict")
                        .post("/members/admissions", w, with(fx.admission(), "memberId", fx.official))
                        .is(409, EXISTS, "memberId"),
                refuse("enrolment: a member id already taken is a conflict")
                        .post("/members/enrolments", w, Requests.enrolment(fx.official, fx.c1))
                        .is(409, EXISTS, "memberId"),
                refuse("enrolment: into a grassroots committee is named")
                        .post("/members/enrolments", w, with(fx.enrolment(), "cellId", fx.g))
                        .is(400, INVALID, "cellId"),
                refuse("transfer: to a committee as the receiving cell is named")
                        .post(m(fx.official(), "transfers"), w, with(fx.transfer(), "toCellId", fx.g))
                        .is(400, INVALID, "toCellId"),
                refuse("receipt: at a committee instead of a cell is named")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "cellId", fx.g))
                        .is(400, INVALID, "cellId"),
                refuse("organisation: an id already taken is a conflict")
                        .post("/organizations", w, Requests.organization(fx.c1, "Chi bộ", "CELL", fx.g))
                        .is(409, EXISTS, "id"),
                refuse("organisation: a province without a parent is named")
                        .post("/organizations", cw, Requests.organization(fx.id("NP"), "Tỉnh ủy", "PROVINCE", null))
                        .is(400, INVALID, "parentId"),
                refuse("organisation: a second central root for another id is outside the caller's subtree")
                        .post("/organizations", cw, Requests.organization(fx.id("TW"), "Trung ương", "CENTRAL", null))
                        .is(403, OUTSIDE, "id"),
                refuse("rename: to the name it already has is named")
                        .post(o(fx.g, "rename"), w, map("name", "Đảng bộ xã Minh Quang"))
                        .is(400, INVALID, "name"),
                refuse("move: under the parent it already has is named")
                        .post(o(fx.c2, "move"), w, map("newParentId", fx.g))
                        .is(400, INVALID, "newParentId"),
                refuse("merge: an organisation into itself is named")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", List.of(fx.c2)))
                        .is(400, INVALID, "sourceIds[0]"),
                refuse("merge: an ancestor into its own descendant is named")
                        .post(o(fx.c1, "merge"), w, map("sourceIds", List.of(fx.commune)))
                        .is(400, INVALID, "sourceIds[0]"),
                refuse("merge: a dissolved organisation is named")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", List.of(fx.dissolvedCell)))
                        .is(400, INVALID, "sourceIds[0]"),
                refuse("unit: an id already registered is a conflict")
                        .post(o(fx.commune, "units"), w, fx.unit(fx.unit))
                        .is(409, EXISTS, "unitId"),
                refuse("coverage: by a committee instead of a cell is named")
                        .post(fx.unitPath("coverage"), w, map("cellId", fx.g))
                        .is(400, INVALID, "cellId"),
                refuse("coverage: by a cell outside the organisation is named")
                        .post(fx.unitPath("coverage"), w, map("cellId", fx.districtCell))
                        .is(400, INVALID, "cellId"),
                refuse("position: held by an expelled member is named")
                        .post(fx.unitPath("positions"), w, with(fx.position(), "memberId", fx.expelled))
                        .is(400, INVALID, "memberId"),
                refuse("vacancy: of a position nobody holds is named")
                        .post(fx.unitPath("vacancies"), w, fx.vacancy())
                        .is(400, INVALID, "position"));
    }

    // ------------------------------------------------------------------------------------- 6. illegal transitions

    private static List<Case> illegalTransitions(Fixture fx) {
        String w = fx.writer;
        String x = fx.dissolvedCell;
        return List.of(
                refuse("recognising an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "recognition"), w, fx.recognition()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("swearing in an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "swearing-in"), w, fx.swearingIn()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("swearing in a member twice is 409 naming its state")
                        .post(m(fx.sworn, "swearing-in"), w, map("ceremonyDate", "2024-03-25",
                                "decisionReceivedOn", "2024-03-05")).is(409, ILLEGAL).inState("PROBATIONARY"),
                refuse("swearing in an official member is 409 naming its state")
                        .post(m(fx.official, "swearing-in"), w, fx.swearingIn()).is(409, ILLEGAL).inState("OFFICIAL"),
                refuse("recognising a probationer who was never sworn in is 409 naming its state")
                        .post(m(fx.probation, "recognition"), w, fx.recognition()).is(409, ILLEGAL)
                        .inState("PROBATIONARY"),
                refuse("recognising an official member again is 409 naming its state")
                        .post(m(fx.official, "recognition"), w, fx.recognition()).is(409, ILLEGAL).inState("OFFICIAL"),
                refuse("failing the probation of an official member is 409 naming its state")
                        .post(m(fx.official, "probation-failure"), w, fx.failure()).is(409, ILLEGAL)
                        .inState("OFFICIAL"),
                refuse("failing the probation of an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "probation-failure"), w, fx.failure()).is(409, ILLEGAL)
                        .inState("EXPELLED"),
                refuse("receiving a member who is not in transit is 409 naming its state")
                        .post(m(fx.official, "transfers/receipt"), w, fx.receipt()).is(409, ILLEGAL)
                        .inState("OFFICIAL"),
                refuse("receiving an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "transfers/receipt"), w, fx.receipt()).is(409, ILLEGAL)
                        .inState("EXPELLED"),
                refuse("ending a temporary stay that does not exist is 409 naming its state")
                        .post(m(fx.official, "temporary-transfers/end"), w, fx.temporaryEnd()).is(409, ILLEGAL)
                        .inState("OFFICIAL"),
                refuse("ending a temporary stay of a member in transit is 409 naming its state")
                        .post(m(fx.transit, "temporary-transfers/end"), w, fx.temporaryEnd()).is(409, ILLEGAL)
                        .inState("OFFICIAL"),
                refuse("exempting a member twice is 409 naming its state")
                        .post(m(fx.exempted, "exemption"), w, fx.exemption()).is(409, ILLEGAL).inState("OFFICIAL"),
                refuse("exempting an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "exemption"), w, fx.exemption()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("expelling an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "expulsion"), w, fx.expulsion()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("disciplining an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "disciplines"), w, fx.discipline()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("rating an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "ratings"), w, fx.rating()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("recording the death of an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "death"), w, fx.death()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("removing an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "removal"), w, fx.removal()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("letting go an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "letting-go"), w, fx.letGo()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("registering a residence liaison for an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "residence-liaison"), w, fx.liaison()).is(409, ILLEGAL)
                        .inState("EXPELLED"),
                refuse("transferring an expelled member is 409 naming its state")
                        .post(m(fx.expelled, "transfers"), w, fx.transfer()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("transferring a member already in transit is 409 naming its state")
                        .post(m(fx.transit, "transfers"), w, fx.transfer()).is(409, ILLEGAL).inState("OFFICIAL"),
                refuse("a temporary stay for a member in transit is 409 naming its state")
                        .post(m(fx.transit, "temporary-transfers"), w, fx.temporary()).is(409, ILLEGAL)
                        .inState("OFFICIAL"),
                refuse("transferring a member on a temporary stay is 409 naming its state")
                        .post(m(fx.staying, "transfers"), w, fx.transfer()).is(409, ILLEGAL).inState("OFFICIAL"),
                refuse("a second temporary stay at once is 409 naming its state")
                        .post(m(fx.staying, "temporary-transfers"), w, fx.temporary()).is(409, ILLEGAL)
                        .inState("OFFICIAL"),
                refuse("recognising a member who was let go is 409 naming its state")
                        .post(m(fx.readmittedEarlier, "recognition"), w, fx.recognition()).is(409, ILLEGAL)
                        .inState("LET_GO"),
                refuse("expelling a member who was let go is 409 naming its state")
                        .post(m(fx.readmittedEarlier, "expulsion"), w, fx.expulsion()).is(409, ILLEGAL)
                        .inState("LET_GO"),
                refuse("renaming a dissolved organisation is 409 naming its state")
                        .post(o(x, "rename"), w, map("name", "Chi bộ mới")).is(409, ILLEGAL).inState("DISSOLVED"),
                refuse("dissolving a dissolved organisation is 409 naming its state")
                        .post(o(x, "dissolution"), w, map("reason", "again")).is(409, ILLEGAL).inState("DISSOLVED"),
                refuse("moving a dissolved organisation is 409 naming its state")
                        .post(o(x, "move"), w, map("newParentId", fx.commune)).is(409, ILLEGAL)
                        .inState("DISSOLVED"),
                refuse("registering a unit under a dissolved organisation is 409 naming its state")
                        .post(o(x, "units"), w, fx.unit(fx.id("U-x"))).is(409, ILLEGAL).inState("DISSOLVED"),
                refuse("covering a unit of a dissolved organisation is 409 naming its state")
                        .post(o(x, "units/any/coverage"), w, map("cellId", fx.c1)).is(409, ILLEGAL)
                        .inState("DISSOLVED"),
                refuse("assigning a position in a dissolved organisation is 409 naming its state")
                        .post(o(x, "units/any/positions"), w, fx.position()).is(409, ILLEGAL).inState("DISSOLVED"),
                refuse("vacating a position in a dissolved organisation is 409 naming its state")
                        .post(o(x, "units/any/vacancies"), w, fx.vacancy()).is(409, ILLEGAL).inState("DISSOLVED"),
                refuse("merging into a dissolved organisation is 409 naming its state")
                        .post(o(x, "merge"), w, map("sourceIds", List.of(fx.cell()))).is(409, ILLEGAL)
                        .inState("DISSOLVED"));
    }

    // ------------------------------------------------------------------------------------- 7. oversized bodies

    private static List<Case> oversized(Fixture fx) {
        String w = fx.writer;
        String huge = "x".repeat(OVER_LIMIT);
        return List.of(
                refuse("admission: a full name of 300 KB is too large")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", huge))
                        .is(413, TOO_LARGE),
                refuse("admission: a body of 300 KB sent in chunks is too large")
                        .post("/members/admissions", w, with(fx.admission(), "person.fullName", huge)).chunked()
                        .is(413, TOO_LARGE),
                refuse("readmission: a valid body padded with 300 KB of whitespace is too large")
                        .post("/members/readmissions", w, json(fx.readmission(fx.letGoMember()))
                                + " ".repeat(OVER_LIMIT))
                        .is(413, TOO_LARGE),
                refuse("enrolment: a register name of 300 KB is too large")
                        .post("/members/enrolments", w, with(fx.enrolment(), "register", huge))
                        .is(413, TOO_LARGE),
                refuse("expulsion: a reason of 300 KB is too large")
                        .post(m(fx.official(), "expulsion"), w, with(fx.expulsion(), "reason", huge))
                        .is(413, TOO_LARGE),
                refuse("expulsion: a reason of 300 KB sent in chunks is too large")
                        .post(m(fx.official(), "expulsion"), w, with(fx.expulsion(), "reason", huge)).chunked()
                        .is(413, TOO_LARGE),
                refuse("expulsion: of an unknown member with a body of 300 KB is too large")
                        .post(m("nobody-" + fx.sfx, "expulsion"), w, with(fx.expulsion(), "reason", huge))
                        .is(413, TOO_LARGE),
                refuse("rating: padded with an extra property of 300 KB is too large")
                        .post(m(fx.official(), "ratings"), w, with(fx.rating(), "comment", huge))
                        .is(413, TOO_LARGE),
                refuse("correction: a reason of 300 KB is too large")
                        .post(m(fx.expelled, "corrections"), w, with(fx.correction(), "reason", huge))
                        .is(413, TOO_LARGE),
                refuse("organisation: a name of 300 KB is too large")
                        .post("/organizations", w, Requests.organization(fx.id("huge"), huge, "CELL", fx.g))
                        .is(413, TOO_LARGE),
                refuse("organisation: a name of 300 KB sent in chunks is too large")
                        .post("/organizations", w, Requests.organization(fx.id("hugec"), huge, "CELL", fx.g)).chunked()
                        .is(413, TOO_LARGE),
                refuse("merge: 20000 source ids are too large")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", IntStream.range(0, 20_000)
                                .mapToObj(i -> "source-cell-" + i).toList()))
                        .is(413, TOO_LARGE),
                refuse("unit: a name of 300 KB is too large")
                        .post(o(fx.commune, "units"), w, with(fx.unit(fx.id("U-huge")), "name", huge))
                        .is(413, TOO_LARGE));
    }

    // ------------------------------------------------------------------------------------- 8. Idempotency-Key

    private static List<Case> idempotency(Fixture fx) {
        String w = fx.writer;
        String key = fx.idempotencyKey;
        return List.of(
                refuse("Idempotency-Key: reused for another unit is refused")
                        .post(o(fx.commune, "units"), w, fx.unit(fx.id("U-other"))).header("Idempotency-Key", key)
                        .is(422, "idempotency-key-reused", "Idempotency-Key"),
                refuse("Idempotency-Key: reused for the same body on another organisation is refused")
                        .post(o(fx.g, "units"), w, fx.unit(fx.unit)).header("Idempotency-Key", key)
                        .is(422, "idempotency-key-reused", "Idempotency-Key"),
                refuse("Idempotency-Key: reused for an admission is refused")
                        .post("/members/admissions", w, fx.admission()).header("Idempotency-Key", key)
                        .is(422, "idempotency-key-reused", "Idempotency-Key"),
                refuse("Idempotency-Key: reused for an expulsion is refused")
                        .post(m(fx.official(), "expulsion"), w, fx.expulsion()).header("Idempotency-Key", key)
                        .is(422, "idempotency-key-reused", "Idempotency-Key"),
                refuse("Idempotency-Key: of 201 characters is named")
                        .post("/members/admissions", w, fx.admission()).header("Idempotency-Key", "k".repeat(201))
                        .is(400, INVALID, "Idempotency-Key"),
                refuse("Idempotency-Key: of 2000 characters is named")
                        .post("/members/enrolments", w, fx.enrolment()).header("Idempotency-Key", "k".repeat(2000))
                        .is(400, INVALID, "Idempotency-Key"),
                refuse("Idempotency-Key: of 201 characters on a member decision is named")
                        .post(m(fx.official(), "exemption"), w, fx.exemption())
                        .header("Idempotency-Key", UUID.randomUUID() + "-".repeat(165))
                        .is(400, INVALID, "Idempotency-Key"));
    }

    // ------------------------------------------------------------------------------ 9. tokens, roles, subtrees

    private static List<Case> access(Fixture fx) {
        String w = fx.writer;
        String other = fx.otherWriter;
        String expired = TestTokens.token("agency-" + fx.province, List.of("agency-writer"), fx.province,
                Instant.now().minusSeconds(120));
        String[] parts = TestTokens.writer(fx.b.province()).split("\\.");
        String widened = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"" + fx.b.province() + "\"", "\"" + fx.a.central() + "\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(widened.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String reader = TestTokens.reader(fx.province);
        String auditor = TestTokens.auditor();
        return List.of(
                refuse("no token: an admission is unauthenticated")
                        .post("/members/admissions", null, fx.admission()).is(401, UNAUTHENTICATED),
                refuse("no token: an organisation is unauthenticated")
                        .post("/organizations", null, Requests.organization(fx.id("anon"), "Chi bộ", "CELL", fx.g))
                        .is(401, UNAUTHENTICATED),
                refuse("no token: an expulsion is unauthenticated")
                        .post(m(fx.official(), "expulsion"), null, fx.expulsion()).is(401, UNAUTHENTICATED),
                refuse("no token: reading a member is unauthenticated")
                        .send("GET", "/members/" + fx.official, null, null).is(401, UNAUTHENTICATED),
                refuse("an expired token: an admission is unauthenticated")
                        .post("/members/admissions", expired, fx.admission()).is(401, UNAUTHENTICATED),
                refuse("a token whose claims were widened after signing: a rating is unauthenticated")
                        .post(m(fx.official(), "ratings"), forged, fx.rating()).is(401, UNAUTHENTICATED),
                refuse("a bearer value that is not a JWT: an enrolment is unauthenticated")
                        .post("/members/enrolments", "not-a-jwt", fx.enrolment()).is(401, UNAUTHENTICATED),
                refuse("basic credentials instead of a bearer token: an organisation is unauthenticated")
                        .post("/organizations", null, Requests.organization(fx.id("basic"), "Chi bộ", "CELL", fx.g))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "agency:secret".getBytes(StandardCharsets.UTF_8)))
                        .is(401, UNAUTHENTICATED),
                refuse("a dashboard reader cannot post an admission")
                        .post("/members/admissions", reader, fx.admission()).is(403, FORBIDDEN),
                refuse("a dashboard reader cannot post an expulsion")
                        .post(m(fx.official(), "expulsion"), reader, fx.expulsion()).is(403, FORBIDDEN),
                refuse("a dashboard reader cannot register an organisation")
                        .post("/organizations", reader, Requests.organization(fx.id("rd"), "Chi bộ", "CELL", fx.g))
                        .is(403, FORBIDDEN),
                refuse("a dashboard reader cannot read a member's history")
                        .send("GET", m(fx.official, "history"), reader, null).is(403, FORBIDDEN),
                refuse("an auditor cannot register an organisation")
                        .post("/organizations", auditor, Requests.organization(fx.id("au"), "Chi bộ", "CELL", fx.g))
                        .is(403, FORBIDDEN),
                refuse("an auditor cannot post a correction")
                        .post(m(fx.expelled, "corrections"), auditor, fx.correction()).is(403, FORBIDDEN),
                refuse("an auditor cannot rename an organisation")
                        .post(o(fx.g, "rename"), auditor, map("name", "Tên mới")).is(403, FORBIDDEN),
                refuse("a metrics reader cannot post a rating")
                        .post(m(fx.official(), "ratings"), TestTokens.token("prometheus", List.of("metrics-reader"),
                                null), fx.rating()).is(403, FORBIDDEN),
                refuse("a token without roles cannot post an enrolment")
                        .post("/members/enrolments", TestTokens.token("nobody", List.of(), fx.province),
                                fx.enrolment()).is(403, FORBIDDEN),
                refuse("another province's writer cannot admit into this cell")
                        .post("/members/admissions", other, fx.admission()).is(403, OUTSIDE, "cellId"),
                refuse("another province's writer cannot enrol into this cell")
                        .post("/members/enrolments", other, fx.enrolment()).is(403, OUTSIDE, "cellId"),
                refuse("another province's writer cannot readmit into this cell")
                        .post("/members/readmissions", other, fx.readmission(fx.letGoMember()))
                        .is(403, OUTSIDE, "cellId"),
                refuse("another province's writer cannot expel this province's member")
                        .post(m(fx.official(), "expulsion"), other, fx.expulsion()).is(403, OUTSIDE, "memberId"),
                refuse("another province's writer cannot correct this province's member")
                        .post(m(fx.expelled, "corrections"), other, fx.correction()).is(403, OUTSIDE, "memberId"),
                refuse("another province's writer cannot register under this province's committee")
                        .post("/organizations", other, Requests.organization(fx.id("BO"), "Chi bộ", "CELL", fx.g))
                        .is(403, OUTSIDE, "parentId"),
                refuse("another province's writer cannot rename this province's committee")
                        .post(o(fx.g, "rename"), other, map("name", "Tên khác")).is(403, OUTSIDE, "orgId"),
                refuse("another province's writer cannot assign a position in this province's unit")
                        .post(fx.unitPath("positions"), other, fx.position()).is(403, OUTSIDE, "orgId"),
                refuse("another province's writer cannot read this province's member's history")
                        .send("GET", m(fx.official, "history"), other, null).is(403, OUTSIDE, "memberId"),
                refuse("a dashboard reader cannot read a member, not even of its own province")
                        .send("GET", "/members/" + fx.official, reader, null).is(403, FORBIDDEN),
                refuse("a decision by another province's committee is outside the caller's subtree")
                        .post(m(fx.official(), "disciplines"), w, with(fx.discipline(), "decidingOrgId",
                                fx.b.grassroots())).is(403, OUTSIDE, "decidingOrgId"),
                refuse("an admission decided by another province's committee is outside the caller's subtree")
                        .post("/members/admissions", w, with(fx.admission(), "decidingOrgId", fx.b.grassroots()))
                        .is(403, OUTSIDE, "decidingOrgId"),
                refuse("a sibling cell's writer cannot decide on this cell's member")
                        .post(m(fx.official(), "ratings"), TestTokens.writer(fx.c2), fx.rating())
                        .is(403, OUTSIDE, "memberId"),
                refuse("a grassroots writer cannot register an organisation under the province")
                        .post("/organizations", TestTokens.writer(fx.g), Requests.organization(fx.id("GU"),
                                "Đảng ủy", "COMMUNE", fx.province)).is(403, OUTSIDE, "parentId"),
                refuse("a writer without an organisation cannot admit anywhere")
                        .post("/members/admissions", TestTokens.token("agency-unbound", List.of("agency-writer"), null),
                                fx.admission()).is(403, OUTSIDE, "cellId"),
                refuse("moving a cell under another province's committee is outside the caller's subtree")
                        .post(o(fx.cell(), "move"), w, map("newParentId", fx.b.grassroots()))
                        .is(403, OUTSIDE, "newParentId"),
                refuse("merging another province's cell is outside the caller's subtree")
                        .post(o(fx.c2, "merge"), w, map("sourceIds", List.of(fx.b.otherCell())))
                        .is(403, OUTSIDE, "sourceIds[0]"),
                refuse("receiving a member into another province's cell is outside the caller's subtree")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "cellId", fx.b.cell()))
                        .is(403, OUTSIDE, "cellId"));
    }

    // -------------------------------------------------------- 10. media types, versions, methods and paths

    private static List<Case> protocol(Fixture fx) {
        String w = fx.writer;
        return List.of(
                refuse("admission: a form-encoded body is an unsupported media type")
                        .post("/members/admissions", w, "person=Mai&cellId=" + fx.c1)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .is(415, "unsupported-media-type"),
                refuse("expulsion: a JSON body labelled text/plain is an unsupported media type")
                        .post(m(fx.official(), "expulsion"), w, fx.expulsion()).header("Content-Type", "text/plain")
                        .is(415, "unsupported-media-type"),
                refuse("organisation: an XML body is an unsupported media type")
                        .post("/organizations", w, "<organization><name>Chi bộ</name></organization>")
                        .header("Content-Type", "application/xml")
                        .is(415, "unsupported-media-type"),
                refuse("rename: a JSON body without any Content-Type is an unsupported media type")
                        .post(o(fx.cell(), "rename"), w, map("name", "Chi bộ đổi tên"))
                        .withoutHeader("Content-Type")
                        .is(415, "unsupported-media-type"),
                refuse("expulsion: If-Match naming a version the member never had is a failed precondition")
                        .post(m(fx.official(), "expulsion"), w, fx.expulsion()).header("If-Match", "\"5\"")
                        .is(412, "concurrent-modification"),
                refuse("exemption: a weak If-Match naming a stale version is a failed precondition")
                        .post(m(fx.official(), "exemption"), w, fx.exemption()).header("If-Match", "W/\"0\"")
                        .is(412, "concurrent-modification"),
                refuse("swearing-in: If-Match naming an older version is a failed precondition")
                        .post(m(fx.sworn, "swearing-in"), w, fx.swearingIn()).header("If-Match", "\"1\"")
                        .is(412, "concurrent-modification"),
                refuse("rating: If-Match that is not a number is named")
                        .post(m(fx.official(), "ratings"), w, fx.rating()).header("If-Match", "abc")
                        .is(400, INVALID, "If-Match"),
                refuse("death: an empty quoted If-Match is named")
                        .post(m(fx.official(), "death"), w, fx.death()).header("If-Match", "\"\"")
                        .is(400, INVALID, "If-Match"),
                refuse("discipline: a fractional If-Match version is named")
                        .post(m(fx.official(), "disciplines"), w, fx.discipline()).header("If-Match", "\"1.5\"")
                        .is(400, INVALID, "If-Match"),
                refuse("DELETE on a member is not allowed")
                        .send("DELETE", "/members/" + fx.official, w, null).is(405, "method-not-allowed"),
                refuse("PUT on a member is not allowed")
                        .send("PUT", "/members/" + fx.official, w, json(fx.enrolment()))
                        .header("Content-Type", "application/json").is(405, "method-not-allowed"),
                refuse("PUT on admissions is not allowed")
                        .send("PUT", "/members/admissions", w, json(fx.admission()))
                        .header("Content-Type", "application/json").is(405, "method-not-allowed"),
                refuse("GET on an expulsion is not allowed")
                        .send("GET", m(fx.official, "expulsion"), w, null).is(405, "method-not-allowed"),
                refuse("PATCH on an organisation is not allowed")
                        .send("PATCH", "/organizations/" + fx.g, w, json(map("name", "Tên mới")))
                        .header("Content-Type", "application/json").is(405, "method-not-allowed"),
                refuse("DELETE on an organisation is not allowed")
                        .send("DELETE", "/organizations/" + fx.g, w, null).is(405, "method-not-allowed"),
                refuse("an unknown path is not found")
                        .send("GET", "/no-such-resource", w, null).is(404, NOT_FOUND),
                refuse("an unknown member command is not found")
                        .post(m(fx.official, "resurrection"), w, map("on", "2025-10-10")).is(404, NOT_FOUND),
                refuse("an unknown organisation command is not found")
                        .post(fx.unitPath("demolition"), w, map("on", "2025-10-10")).is(404, NOT_FOUND));
    }

    // ------------------------------------------------------------------------ changes of residence

    private static List<Case> residences(Fixture fx) {
        String w = fx.writer;
        String nobody = "nobody-" + fx.sfx;
        String nowhere = "nowhere-" + fx.sfx;
        String future = fx.today.plusDays(40).toString();
        return List.of(
                refuse("residence: a body cut off in the middle is malformed JSON")
                        .post(m(fx.official(), "residence"), w, json(fx.residence()).substring(0, 20))
                        .is(400, MALFORMED),
                refuse("residence: an empty object names the effective date")
                        .post(m(fx.official(), "residence"), w, "{}")
                        .is(400, INVALID, "effectiveDate"),
                refuse("residence: a number where the effective date goes is named")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "effectiveDate", 20251101))
                        .is(400, INVALID, "effectiveDate"),
                refuse("residence: a unit id with a slash is named")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "residenceUnitId", "x/y"))
                        .is(400, INVALID, "residenceUnitId"),
                refuse("residence: a decision number of 65 characters is named")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "decisionNumber",
                                "9".repeat(65))).is(400, INVALID, "decisionNumber"),
                refuse("residence: a unit without the organisation that registered it names the organisation")
                        .post(m(fx.official(), "residence"), w, without(fx.residence(), "unitOrgId"))
                        .is(400, INVALID, "unitOrgId"),
                refuse("residence: an organisation without a unit names the unit")
                        .post(m(fx.official(), "residence"), w, without(fx.residence(), "residenceUnitId"))
                        .is(400, INVALID, "residenceUnitId"),
                refuse("residence: an unknown member is not found")
                        .post(m(nobody, "residence"), w, fx.residence()).is(404, NOT_FOUND),
                refuse("residence: an unknown organisation is an unknown reference")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "unitOrgId", nowhere))
                        .is(422, UNKNOWN, "unitOrgId"),
                refuse("residence: a unit the organisation did not register is an unknown reference")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "residenceUnitId", nowhere))
                        .is(422, UNKNOWN, "residenceUnitId"),
                refuse("residence: a unit another organisation registered is an unknown reference")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "unitOrgId", fx.g))
                        .is(422, UNKNOWN, "residenceUnitId"),
                refuse("residence: a move in the future breaks the not-in-future rule")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "effectiveDate", future))
                        .is(422, "rule:decision.not-in-future", "effectiveDate"),
                refuse("residence: a move before the membership started is out of effective order")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "effectiveDate", "2014-12-31"))
                        .is(422, "rule:history.in-effective-order", "effectiveDate"),
                refuse("residence: a move dated before the member's last move is out of effective order")
                        .post(m(fx.moved(), "residence"), w, map("effectiveDate", "2025-05-31"))
                        .is(422, "rule:history.in-effective-order", "effectiveDate"),
                refuse("residence: a move to the unit the member already lives in breaks the another-place rule")
                        .post(m(fx.moved(), "residence"), w, fx.residence())
                        .is(422, "rule:residence.another-place", "residenceUnitId"),
                refuse("residence: moving out of every unit when living in none breaks the another-place rule")
                        .post(m(fx.official(), "residence"), w, map("effectiveDate", "2025-11-01"))
                        .is(422, "rule:residence.another-place", "residenceUnitId"),
                refuse("residence: an expelled member does not move in chibo's books: 409 naming its state")
                        .post(m(fx.expelled, "residence"), w, fx.residence()).is(409, ILLEGAL).inState("EXPELLED"),
                refuse("residence: another province's writer cannot move this province's member")
                        .post(m(fx.official(), "residence"), fx.otherWriter, fx.residence())
                        .is(403, OUTSIDE, "memberId"),
                refuse("residence: a dashboard reader cannot move a member")
                        .post(m(fx.official(), "residence"), TestTokens.reader(fx.province), fx.residence())
                        .is(403, FORBIDDEN),
                refuse("residence: a move recorded by another province's committee is outside the caller's subtree")
                        .post(m(fx.official(), "residence"), w, with(fx.residence(), "decidingOrgId",
                                fx.b.grassroots())).is(403, OUTSIDE, "decidingOrgId"),
                refuse("residence: a stale If-Match is a failed precondition")
                        .post(m(fx.official(), "residence"), w, fx.residence()).header("If-Match", "\"7\"")
                        .is(412, "concurrent-modification"),
                refuse("receipt: a place of residence no organisation in the receiving cell's line registered is"
                        + " an unknown reference")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "residenceUnitId", nowhere))
                        .is(422, UNKNOWN, "residenceUnitId"),
                refuse("receipt: a place of residence with a slash is named")
                        .post(m(fx.transit, "transfers/receipt"), w, with(fx.receipt(), "residenceUnitId", "a/b"))
                        .is(400, INVALID, "residenceUnitId"));
    }

    // ------------------------------------------------------------------------------ 12. review closures

    private static List<Case> reviewClosures(Fixture fx) {
        String w = fx.writer;
        String future = fx.today.plusDays(3).toString();
        return List.of(
                refuse("review closure: a body cut off in the middle is malformed JSON")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, json(fx.closure()).substring(0, 20))
                        .is(400, MALFORMED),
                refuse("review closure: a number where the decision date goes is named")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "decisionDate", 20260120))
                        .is(400, INVALID, "decisionDate"),
                refuse("review closure: an array as the reason is named")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "reason",
                                List.of("kept")))
                        .is(400, INVALID, "reason"),
                refuse("review closure: an empty body names the reason and the decision date")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, "{}")
                        .is(400, INVALID, "reason", "decisionDate"),
                refuse("review closure: a blank reason is named")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "reason", "  "))
                        .is(400, INVALID, "reason"),
                refuse("review closure: a reason of 1001 characters is named")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "reason",
                                "x".repeat(1001)))
                        .is(400, INVALID, "reason"),
                refuse("review closure: a decision number of 65 characters is named")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "decisionNumber",
                                "9".repeat(65)))
                        .is(400, INVALID, "decisionNumber"),
                refuse("review closure: a kind of review that does not exist is named")
                        .post(fx.closurePath(fx.reviewed(), "EXPULSION"), w, fx.closure())
                        .is(400, INVALID, "kind"),
                refuse("review closure: a lower-case kind is named")
                        .post(fx.closurePath(fx.reviewed(), "let_go"), w, fx.closure())
                        .is(400, INVALID, "kind"),
                refuse("review closure: closed before the review opened breaks the closed-after-opening rule")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "decisionDate",
                                "2025-12-14"))
                        .is(422, "rule:review.closed-after-opening", "decisionDate"),
                refuse("review closure: dated after today breaks the not-in-future rule")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "decisionDate", future))
                        .is(422, "rule:decision.not-in-future", "decisionDate"),
                refuse("review closure: decided by a sibling cell breaks the considered-in-line rule")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "decidingOrgId",
                                fx.c2))
                        .is(422, "rule:review.considered-in-line", "decidingOrgId"),
                refuse("review closure: an unknown deciding organisation is an unknown reference")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "decidingOrgId",
                                fx.id("nowhere")))
                        .is(422, UNKNOWN, "decidingOrgId"),
                refuse("review closure: of an unknown member is not found")
                        .post(fx.closurePath(fx.id("nobody"), "LET_GO"), w, fx.closure())
                        .is(404, NOT_FOUND),
                refuse("review closure: of a removal review that was never opened is an illegal transition")
                        .post(fx.closurePath(fx.reviewed(), "REMOVAL"), w, fx.closure())
                        .is(409, ILLEGAL, "memberId").inState("OFFICIAL"),
                refuse("review closure: of a member without any review is an illegal transition")
                        .post(fx.closurePath(fx.official(), "LET_GO"), w, fx.closure())
                        .is(409, ILLEGAL, "memberId").inState("OFFICIAL"),
                refuse("review closure: of an expelled member is an illegal transition")
                        .post(fx.closurePath(fx.expelled, "LET_GO"), w, fx.closure())
                        .is(409, ILLEGAL, "memberId").inState("EXPELLED"),
                refuse("review closure: with an If-Match of an older version is refused")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, fx.closure()).header("If-Match", "\"2\"")
                        .is(412, "concurrent-modification"),
                refuse("review closure: with an If-Match that is no entity tag is named")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, fx.closure()).header("If-Match", "latest")
                        .is(400, INVALID, "If-Match"),
                refuse("review closure: without a token is unauthenticated")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), null, fx.closure())
                        .is(401, UNAUTHENTICATED),
                refuse("review closure: by a dashboard reader is forbidden")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), TestTokens.reader(fx.province), fx.closure())
                        .is(403, FORBIDDEN),
                refuse("review closure: by another province's writer is outside the subtree")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), fx.otherWriter, fx.closure())
                        .is(403, OUTSIDE, "memberId"),
                refuse("review closure: decided by an organisation outside the token's subtree is refused")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "decidingOrgId",
                                fx.b.grassroots()))
                        .is(403, OUTSIDE, "decidingOrgId"),
                refuse("review closure: a reason of 300 KB is too large")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, with(fx.closure(), "reason",
                                "x".repeat(OVER_LIMIT)))
                        .is(413, TOO_LARGE),
                refuse("review closure: reusing an Idempotency-Key is refused")
                        .post(fx.closurePath(fx.reviewed(), "LET_GO"), w, fx.closure())
                        .header("Idempotency-Key", fx.idempotencyKey)
                        .is(422, "idempotency-key-reused", "Idempotency-Key"),
                refuse("GET on a review closure is not allowed")
                        .send("GET", fx.closurePath(fx.reviewed, "LET_GO"), w, null).is(405, "method-not-allowed"));
    }

    // ------------------------------------------------------------------------- 13. rating batches and tallies

    private static List<Case> ratingBatches(Fixture fx) {
        String w = fx.writer;
        String path = o(fx.g, "member-ratings");
        String future = fx.today.plusDays(3).toString();
        return List.of(
                refuse("rating batch: a body without its closing bracket is malformed JSON")
                        .post(path, w, json(fx.ratingBatch(fx.official())).replaceFirst("\\]\\}$", "}"))
                        .is(400, MALFORMED),
                refuse("rating batch: a trailing comma in the ratings is malformed JSON")
                        .post(path, w, json(fx.ratingBatch(fx.official())).replaceFirst("\\}\\]", "},]"))
                        .is(400, MALFORMED),
                refuse("rating batch: a word as the year is named")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "year", "twenty twenty-five"))
                        .is(400, INVALID, "year"),
                refuse("rating batch: an object where the ratings list goes is named")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "ratings", map("memberId", fx.official)))
                        .is(400, INVALID, "ratings"),
                refuse("rating batch: an unknown level is named by its index")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "ratings[0].level", "OUTSTANDING"))
                        .is(400, INVALID, "ratings[0].level"),
                refuse("rating batch: fractional points are named by their index")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "ratings[0].points", 82.5))
                        .is(400, INVALID, "ratings[0].points"),
                refuse("rating batch: an empty body names every required field")
                        .post(path, w, "{}")
                        .is(400, INVALID, "year", "decisionDate", "decidingOrgId", "ratings"),
                refuse("rating batch: an empty ratings list is named")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "ratings", List.of()))
                        .is(400, INVALID, "ratings"),
                refuse("rating batch: an entry without a member is named by its index")
                        .post(path, w, without(fx.ratingBatch(fx.official()), "ratings[0].memberId"))
                        .is(400, INVALID, "ratings[0].memberId"),
                refuse("rating batch: an entry without points is named by its index")
                        .post(path, w, without(fx.ratingBatch(fx.official()), "ratings[0].points"))
                        .is(400, INVALID, "ratings[0].points"),
                refuse("rating batch: a null entry is named by its index")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "ratings[0]", null))
                        .is(400, INVALID, "ratings[0]"),
                refuse("rating batch: 101 points are named by their index")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "ratings[0].points", 101))
                        .is(400, INVALID, "ratings[0].points"),
                refuse("rating batch: the year 1999 is named")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "year", 1999))
                        .is(400, INVALID, "year"),
                refuse("rating batch: a member rated twice in one batch is named at the second entry")
                        .post(path, w, fx.ratingBatch(fx.official, fx.official))
                        .is(400, INVALID, "ratings[1].memberId"),
                refuse("rating batch: two EXCELLENT among three rated good or better break the excellent cap")
                        .post(path, w, with(fx.ratingBatch(fx.official(), fx.official()), "ratings[0].level",
                                "EXCELLENT", "ratings[0].points", 95, "ratings[1].level", "EXCELLENT",
                                "ratings[1].points", 91))
                        .is(422, "rule:rating.excellent-cap", "ratings"),
                refuse("rating batch: EXCELLENT for 80 points breaks the annual-rating rule at its index")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "ratings[0].level", "EXCELLENT"))
                        .is(422, "rule:rating.annual", "ratings[0].level"),
                refuse("rating batch: a member already rated for the year breaks the annual-rating rule")
                        .post(path, w, fx.ratingBatch(fx.official(), fx.rated))
                        .is(422, "rule:rating.annual", "ratings[1].memberId"),
                refuse("rating batch: GOOD in a year of unremedied discipline is named at its index")
                        .post(path, w, with(fx.ratingBatch(fx.disciplined), "year", 2024, "decisionDate",
                                "2024-12-15"))
                        .is(422, "rule:rating.annual", "ratings[0].level"),
                refuse("rating batch: dated after today breaks the not-in-future rule")
                        .post(path, w, with(fx.ratingBatch(fx.official(), fx.official()), "decisionDate", future))
                        .is(422, "rule:decision.not-in-future", "decisionDate"),
                refuse("rating batch: decided by a cell breaks the competent-committee rule")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "decidingOrgId", fx.c1))
                        .is(422, "rule:decision.competent-committee", "decidingOrgId"),
                refuse("rating batch: for an unknown organisation is not found")
                        .post(o(fx.id("nowhere"), "member-ratings"), w, fx.ratingBatch(fx.official()))
                        .is(404, NOT_FOUND),
                refuse("rating batch: an unknown member is an unknown reference at its index")
                        .post(path, w, fx.ratingBatch(fx.official(), fx.id("nobody")))
                        .is(422, UNKNOWN, "ratings[1].memberId"),
                refuse("rating batch: an unknown deciding organisation is an unknown reference")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "decidingOrgId", fx.id("nowhere")))
                        .is(422, UNKNOWN, "decidingOrgId"),
                refuse("rating batch: sent to a cell, which is no grassroots organisation, is refused")
                        .post(o(fx.c1, "member-ratings"), w, fx.ratingBatch(fx.official()))
                        .is(422, "not-a-grassroots-organization", "orgId"),
                refuse("rating batch: sent to a province is refused")
                        .post(o(fx.province, "member-ratings"), w, fx.ratingBatch(fx.official()))
                        .is(422, "not-a-grassroots-organization", "orgId"),
                refuse("rating batch: a member counted in the grassroots committee below the commune is refused")
                        .post(o(fx.commune, "member-ratings"), w, with(fx.ratingBatch(fx.official()),
                                "decidingOrgId", fx.commune))
                        .is(422, "member-not-in-organization", "ratings[0].memberId"),
                refuse("rating batch: another grassroots organisation's member is refused at its index")
                        .post(path, w, fx.ratingBatch(fx.official(), fx.districtOfficial()))
                        .is(422, "member-not-in-organization", "ratings[1].memberId"),
                refuse("rating batch: sent to a dissolved grassroots organisation is an illegal transition")
                        .post(o(fx.dissolvedGrassroots, "member-ratings"), w, fx.ratingBatch(fx.official()))
                        .is(409, ILLEGAL, "orgId").inState("DISSOLVED"),
                refuse("rating batch: an expelled member alone is an illegal transition at its index")
                        .post(path, w, fx.ratingBatch(fx.expelled))
                        .is(409, ILLEGAL, "ratings[0].memberId").inState("EXPELLED"),
                refuse("rating batch: an expelled member after a bad entry is named with it")
                        .post(path, w, with(fx.ratingBatch(fx.official(), fx.expelled), "ratings[0].points", 60))
                        .is(422, "rule:rating.annual", "ratings[0].level", "ratings[1].memberId"),
                refuse("rating batch: without a token is unauthenticated")
                        .post(path, null, fx.ratingBatch(fx.official())).is(401, UNAUTHENTICATED),
                refuse("rating batch: by a dashboard reader is forbidden")
                        .post(path, TestTokens.reader(fx.province), fx.ratingBatch(fx.official()))
                        .is(403, FORBIDDEN),
                refuse("rating batch: by another province's writer is outside the subtree")
                        .post(path, fx.otherWriter, fx.ratingBatch(fx.official()))
                        .is(403, OUTSIDE, "orgId"),
                refuse("rating batch: by a writer of the sibling cell is outside the subtree")
                        .post(path, TestTokens.writer(fx.c2), fx.ratingBatch(fx.official()))
                        .is(403, OUTSIDE, "orgId"),
                refuse("rating batch: decided by an organisation outside the token's subtree is refused")
                        .post(path, w, with(fx.ratingBatch(fx.official()), "decidingOrgId", fx.b.grassroots()))
                        .is(403, OUTSIDE, "decidingOrgId"),
                refuse("rating batch: 300 KB of entries are too large")
                        .post(path, w, fx.ratingBatch(fx.manyIds(6000)))
                        .is(413, TOO_LARGE),
                refuse("rating batch: reusing an Idempotency-Key is refused")
                        .post(path, w, fx.ratingBatch(fx.official())).header("Idempotency-Key", fx.idempotencyKey)
                        .is(422, "idempotency-key-reused", "Idempotency-Key"),
                refuse("rating batch: sent as form data is an unsupported media type")
                        .send("POST", path, w, "year=2025").header("Content-Type",
                                "application/x-www-form-urlencoded")
                        .is(415, "unsupported-media-type"),
                refuse("rating tally: without a year is named")
                        .send("GET", path, w, null).is(400, INVALID, "year"),
                refuse("rating tally: a year that is no number is named")
                        .send("GET", path + "?year=20x5", w, null).is(400, INVALID, "year"),
                refuse("rating tally: the year 1999 is named")
                        .send("GET", path + "?year=1999", w, null).is(400, INVALID, "year"),
                refuse("rating tally: of a cell is refused")
                        .send("GET", o(fx.c1, "member-ratings") + "?year=2025", w, null)
                        .is(422, "not-a-grassroots-organization", "orgId"),
                refuse("rating tally: of an unknown organisation is not found")
                        .send("GET", o(fx.id("nowhere"), "member-ratings") + "?year=2025", w, null)
                        .is(404, NOT_FOUND),
                refuse("rating tally: read by another province's reader is outside the subtree")
                        .send("GET", path + "?year=2025", TestTokens.reader(fx.b.province()), null)
                        .is(403, OUTSIDE, "orgId"),
                refuse("rating tally: without a token is unauthenticated")
                        .send("GET", path + "?year=2025", null, null).is(401, UNAUTHENTICATED));
    }

    // ------------------------------------------------------------------------------------------ running a case

    private Stream<DynamicTest> run(List<Case> cases) {
        for (Case c : cases) {
            assertThat(NAMES.add(c.name)).as("case names are unique: " + c.name).isTrue();
            assertThat(c.status).as("case has an expectation: " + c.name).isBetween(400, 499);
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name, () -> refusedUnchanged(c)));
    }

    private void refusedUnchanged(Case c) throws Exception {
        Map<String, Long> before = counts();
        Http.Response response = c.chunked ? sendChunked(c) : http.send(c.method, c.path, c.token, c.body, c.headers);
        Map<String, Long> after = counts();

        String exchange = "«" + c.name + "» " + c.method + " " + c.path + " " + c.headers.keySet() + " "
                + abbreviate(c.body) + "\n  → "
                + response.status() + " " + response.header("Content-Type") + " " + abbreviate(response.body());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(response.status()).as("status of %s", exchange).isEqualTo(c.status);
        soft.assertThat(response.header("Content-Type")).as("content type of %s", exchange)
                .startsWith("application/problem+json");
        JsonNode problem = parse(response.body());
        if (problem == null || !problem.isObject()) {
            soft.fail("the answer is not a JSON problem: " + exchange);
        } else {
            String type = problem.has("type") ? problem.get("type").asString() : null;
            soft.assertThat(type).as("type of %s", exchange).startsWith(PREFIX).isIn(c.types);
            JsonNode status = problem.get("status");
            soft.assertThat(status != null && status.isNumber() ? status.asInt() : null)
                    .as("status member of %s", exchange).isEqualTo(response.status());
            if (!c.fields.isEmpty()) {
                soft.assertThat(fields(problem)).as("errors[].field of %s", exchange).containsAll(c.fields);
            }
            if (c.currentStatus != null) {
                soft.assertThat(problem.has("currentStatus") ? problem.get("currentStatus").asString() : null)
                        .as("currentStatus of %s", exchange).isEqualTo(c.currentStatus);
            }
        }
        soft.assertThat(after).as("documents per collection after %s", exchange).isEqualTo(before);
        soft.assertAll();
    }

    /** Sends the body with chunked transfer encoding: no Content-Length tells the server how large it is. */
    private Http.Response sendChunked(Case c) throws Exception {
        byte[] bytes = c.body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path))
                .timeout(Duration.ofSeconds(30))
                .method(c.method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        if (c.token != null) {
            request.header("Authorization", "Bearer " + c.token);
        }
        c.headers.forEach(request::header);
        HttpResponse<String> response = CHUNKING_CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        return new Http.Response(response.statusCode(), headers, response.body());
    }

    private static Map<String, Long> counts() {
        MongoDatabase database = MONGO.getDatabase("membership");
        return COLLECTIONS.stream().collect(Collectors.toMap(c -> c, c -> database.getCollection(c).countDocuments(),
                (a, b) -> a, TreeMap::new));
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> fields(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        if (errors == null || !errors.isArray()) {
            return List.of();
        }
        return errors.values().stream().map(e -> e.has("field") ? e.get("field").asString() : "").toList();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ');
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "… (" + flat.length() + " chars)";
    }

    // ------------------------------------------------------------------------------------------ the corpus DSL

    private static Case refuse(String name) {
        return new Case(name);
    }

    /** One bad request and the problem it must get. */
    static final class Case {
        final String name;
        String method;
        String path;
        String token;
        final Map<String, String> headers = new LinkedHashMap<>();
        String body;
        boolean chunked;
        int status;
        final List<String> types = new ArrayList<>();
        final List<String> fields = new ArrayList<>();
        String currentStatus;

        Case(String name) {
            this.name = name;
        }

        /** A POST of JSON: a map is serialised, a string is sent exactly as it is (so it may be malformed). */
        Case post(String path, String token, Object body) {
            send("POST", path, token, body instanceof String raw ? raw : json(body));
            return header("Content-Type", "application/json");
        }

        Case send(String method, String path, String token, String body) {
            this.method = method;
            this.path = path;
            this.token = token;
            this.body = body;
            return this;
        }

        Case header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Case withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        Case chunked() {
            chunked = true;
            return this;
        }

        Case is(int status, String typeSlug, String... fields) {
            this.status = status;
            this.types.add(PREFIX + typeSlug);
            this.fields.addAll(List.of(fields));
            return this;
        }

        /** A second acceptable type, where the contract allows either (e.g. a JSON array instead of an object). */
        Case or(String typeSlug) {
            types.add(PREFIX + typeSlug);
            return this;
        }

        Case inState(String currentStatus) {
            this.currentStatus = currentStatus;
            return this;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static String m(String memberId, String command) {
        return "/members/" + memberId + "/" + command;
    }

    private static String o(String orgId, String command) {
        return "/organizations/" + orgId + "/" + command;
    }

    static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static final Object ABSENT = new Object();

    /** A deep copy of the body with values set at paths such as {@code vote.inFavour} or {@code introducers[1].id}. */
    static Map<String, Object> with(Map<String, Object> body, Object... pathValues) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) deepCopy(body);
        for (int i = 0; i < pathValues.length; i += 2) {
            set(copy, (String) pathValues[i], pathValues[i + 1]);
        }
        return copy;
    }

    /** A deep copy of the body without the values at the paths. */
    static Map<String, Object> without(Map<String, Object> body, String... paths) {
        Object[] pathValues = new Object[paths.length * 2];
        for (int i = 0; i < paths.length; i++) {
            pathValues[2 * i] = paths[i];
            pathValues[2 * i + 1] = ABSENT;
        }
        return with(body, pathValues);
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, String path, Object value) {
        String[] parts = path.split("\\.");
        Object node = root;
        for (int p = 0; p < parts.length - 1; p++) {
            node = child(node, parts[p]);
        }
        String last = parts[parts.length - 1];
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            List<Object> list = (List<Object>) ((Map<String, Object>) node).get(last.substring(0, bracket));
            int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
            if (value == ABSENT) {
                list.remove(index);
            } else {
                list.set(index, value);
            }
        } else if (value == ABSENT) {
            ((Map<String, Object>) node).remove(last);
        } else {
            ((Map<String, Object>) node).put(last, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object child(Object node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return ((Map<String, Object>) node).get(part);
        }
        List<Object> list = (List<Object>) ((Map<String, Object>) node).get(part.substring(0, bracket));
        return list.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------ the fixture

    /**
     * Two trees (this province's and another's), an old district subtree under this province, a dissolved cell, a
     * unit, and members in known states. Fresh members and organisations for single cases are made while the cases
     * are built, before any of them runs.
     */
    static final class Fixture {
        final Http http;
        final String sfx = UUID.randomUUID().toString().substring(0, 8);
        final LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        private int made;

        Requests.Tree a;
        Requests.Tree b;
        String writer;
        String centralWriter;
        String otherWriter;
        String province;
        String commune;
        String g;
        String c1;
        String c2;
        String district;
        String districtCell;

        /** Probationary, admitted 2025-09-20, not sworn in. */
        String probation;
        /** Probationary, sworn in 2024-03-20. */
        String sworn;
        String official;
        /** Enrolled (seq 1), expelled 2025-10-01 (seq 2). */
        String expelled;
        String exempted;
        /** Official transfer to the sibling cell under way. */
        String transit;
        /** Temporarily at the sibling cell until 2027-02-01. */
        String staying;
        /** Rated GOOD for 2025. */
        String rated;
        /** Disciplined in 2024, not self-reported. */
        String disciplined;
        /** Enrolled, removed, restored by an upheld appeal (seq 3, a correction). */
        String corrected;
        /** Rated NOT_COMPLETED for 2024 and 2025: a let-go review open since 2025-12-15 (version 4). */
        String reviewed;
        /** A grassroots committee registered and dissolved. */
        String dissolvedGrassroots;
        /** Let go in 2021 and readmitted since. */
        String readmittedEarlier;
        String expelledEnrolmentEventId;
        String expelledExpulsionEventId;
        String correctionEventId;
        String dissolvedCell;
        String unit;
        String idempotencyKey;

        Fixture(Http http) {
            this.http = http;
        }

        Fixture build() {
            a = Requests.Tree.create(http);
            b = Requests.Tree.create(http);
            writer = a.provinceWriter();
            centralWriter = TestTokens.writer(a.central());
            otherWriter = b.provinceWriter();
            province = a.province();
            commune = a.commune();
            g = a.grassroots();
            c1 = a.cell();
            c2 = a.otherCell();

            // the district level as it was before 1 July 2025
            district = "TQ-H-" + sfx;
            organization(district, "Huyện ủy Sơn Dương", "DISTRICT", province, "2025-06-30");
            String districtCommune = "TQ-HX-" + sfx;
            organization(districtCommune, "Đảng ủy xã Hợp Thành", "COMMUNE", district, "2025-06-30");
            String districtGrassroots = "TQ-HCS-" + sfx;
            organization(districtGrassroots, "Đảng bộ xã Hợp Thành", "GRASSROOTS", districtCommune,
                    "2025-06-30");
            districtCell = "TQ-HCB-" + sfx;
            organization(districtCell, "Chi bộ thôn Cầu Trâm", "CELL", districtGrassroots, "2025-06-30");

            probation = probationer();
            sworn = swornProbationer();
            official = official();
            expelled = official();
            ok(http.post(m(expelled, "expulsion"), writer, with(expulsion(), "decisionDate", "2025-10-01")));
            exempted = official();
            ok(http.post(m(exempted, "exemption"), writer, with(exemption(), "decisionDate", "2025-10-01")));
            transit = official();
            ok(http.post(m(transit, "transfers"), writer, transfer()));
            staying = official();
            ok(http.post(m(staying, "temporary-transfers"), writer, with(temporary(), "decisionDate", "2026-10-01",
                    "until", "2027-02-01")));
            rated = official();
            ok(http.post(m(rated, "ratings"), writer, rating()));
            disciplined = official();
            ok(http.post(m(disciplined, "disciplines"), writer, with(discipline(), "decisionDate", "2024-05-01")));
            reviewed = reviewed();
            corrected = official();
            ok(http.post(m(corrected, "removal"), writer, removal()));
            JsonNode removed = history(corrected).get(1);
            ok(http.post(m(corrected, "corrections"), writer, map("correctedEventId", removed.get("id").asString(),
                    "correctedSeq", removed.get("seq").asLong(), "kind", "APPEAL_UPHELD", "reason", "appeal upheld",
                    "appealFiledOn", "2026-05-10", "decisionDate", "2026-06-01", "decisionNumber", "QĐ-2026-06-01",
                    "decidingOrgId", province)));
            correctionEventId = history(corrected).get(2).get("id").asString();
            readmittedEarlier = letGoMember();
            ok(http.post("/members/readmissions", writer, with(readmission(readmittedEarlier), "memberId",
                    "again-" + sfx)));

            List<JsonNode> expelledHistory = history(expelled);
            expelledEnrolmentEventId = expelledHistory.get(0).get("id").asString();
            expelledExpulsionEventId = expelledHistory.get(1).get("id").asString();

            dissolvedCell = cell();
            ok(http.post(o(dissolvedCell, "dissolution"), writer, map("reason", "merged into the village cell",
                    "effectiveDate", "2025-09-01")));
            dissolvedGrassroots = id("CS-gone");
            organization(dissolvedGrassroots, "Đảng bộ trường học", "GRASSROOTS", commune, "2025-08-01");
            ok(http.post(o(dissolvedGrassroots, "dissolution"), writer, map("reason", "school closed",
                    "effectiveDate", "2025-09-01")));

            // the one successful request the reused-key cases repeat
            unit = "U-" + sfx;
            idempotencyKey = "corpus-" + UUID.randomUUID();
            ok(http.send("POST", o(commune, "units"), writer, json(unit(unit)),
                    Map.of("Content-Type", "application/json", "Idempotency-Key", idempotencyKey)));
            return this;
        }

        String id(String label) {
            return label + "-" + sfx + "-" + (++made);
        }

        // members made for the cases

        String official() {
            String id = id("v");
            ok(http.post("/members/enrolments", writer, Requests.enrolment(id, c1)));
            return id;
        }

        String districtOfficial() {
            String id = id("dv");
            ok(http.post("/members/enrolments", writer, Requests.enrolment(id, districtCell)));
            return id;
        }

        String probationer() {
            String id = id("p");
            ok(http.post("/members/admissions", writer, with(admission(), "memberId", id)));
            return id;
        }

        String swornProbationer() {
            String id = id("s");
            ok(http.post("/members/admissions", writer, with(admission(), "memberId", id,
                    "cellResolutionDate", "2024-02-20", "decisionDate", "2024-03-01",
                    "awarenessCertificate", map("number", "NT-7", "issuedOn", "2023-10-01"))));
            ok(http.post(m(id, "swearing-in"), writer, map("ceremonyDate", "2024-03-20",
                    "decisionReceivedOn", "2024-03-05")));
            return id;
        }

        /** An official with a let-go review open since 2025-12-15: rated NOT_COMPLETED for 2024 and 2025. */
        String reviewed() {
            String id = official();
            ok(http.post(m(id, "ratings"), writer, map("year", 2024, "level", "NOT_COMPLETED", "points", 40,
                    "decisionDate", "2024-12-20", "decidingOrgId", g)));
            ok(http.post(m(id, "ratings"), writer, map("year", 2025, "level", "NOT_COMPLETED", "points", 42,
                    "decisionDate", "2025-12-15", "decidingOrgId", g)));
            return id;
        }

        /** Let go at their own request on 2021-01-10. */
        String letGoMember() {
            String id = official();
            ok(http.post(m(id, "letting-go"), writer, with(letGo(), "decisionDate", "2021-01-10")));
            return id;
        }

        /** Removed on 2021-01-10 for three months without attending or paying dues. */
        String removedAbsentMember() {
            String id = official();
            ok(http.post(m(id, "removal"), writer, with(removal(), "ground", "ABSENT_OR_UNPAID_THREE_MONTHS",
                    "decisionDate", "2021-01-10")));
            return id;
        }

        // organisations made for the cases

        String cell() {
            String id = id("CB");
            organization(id, "Chi bộ thôn Nà Khau", "CELL", g, "2025-08-01");
            return id;
        }

        /** A commune with a grassroots committee under it: {commune, grassroots}. */
        String[] communeWithGrassroots() {
            String commune = id("XA");
            organization(commune, "Đảng ủy xã Trung Sơn", "COMMUNE", province, "2025-08-01");
            String grassroots = id("CS");
            organization(grassroots, "Đảng bộ xã Trung Sơn", "GRASSROOTS", commune, "2025-08-01");
            return new String[] {commune, grassroots};
        }

        private void organization(String id, String name, String level, String parent, String effectiveDate) {
            ok(http.post("/organizations", writer, with(Requests.organization(id, name, level, parent),
                    "effectiveDate", effectiveDate)));
        }

        String unitPath(String command) {
            return o(commune, "units/" + unit + "/" + command);
        }

        private List<JsonNode> history(String memberId) {
            Http.Response response = http.get(m(memberId, "history"), writer);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return List.copyOf(response.json().values());
        }

        private static void ok(Http.Response response) {
            assertThat(response.status()).as("setting up: " + response.body()).isIn(200, 201);
        }

        // valid bodies, each a fresh copy

        Map<String, Object> admission() {
            return with(a.admission().build());
        }

        Map<String, Object> enrolment() {
            return Requests.enrolment(id("e"), c1);
        }

        Map<String, Object> readmission(String previousMemberId) {
            return map("previousMemberId", previousMemberId, "cellId", c1,
                    "person", map("fullName", "Ma Văn Sình", "birthDate", "1970-02-03", "sex", "MALE",
                            "ethnicity", "Tày", "education", "UPPER_SECONDARY"),
                    "cellResolutionDate", "2025-09-01",
                    "vote", map("officialMembers", 10, "temporarilyTransferredOut", 0, "exemptedAbsent", 0,
                            "inFavour", 9),
                    "introducers", List.of(map("memberId", a.introducer(), "workedWithSince", "2022-01-01"),
                            map("memberId", a.secondIntroducer(), "workedWithSince", "2022-01-01")),
                    "provincialConsentNumber", "12-CV/TU",
                    "declarations", map("leftForExceptionalFamilyHardship", true),
                    "decisionDate", "2025-09-15", "decisionNumber", "QĐ-2025-09-15", "decidingOrgId", province);
        }

        Map<String, Object> swearingIn() {
            return map("ceremonyDate", "2025-09-30", "decisionReceivedOn", "2025-09-22");
        }

        Map<String, Object> recognition() {
            return map("cellResolutionDate", "2025-03-25", "decisionDate", "2025-04-02", "decisionNumber",
                    "12-QĐ/ĐU", "decidingOrgId", g, "partyCardNumber", "TQ-" + sfx);
        }

        Map<String, Object> failure() {
            return map("cellResolutionDate", "2025-03-25", "decisionDate", "2025-04-02", "decisionNumber",
                    "13-QĐ/ĐU", "decidingOrgId", g, "reason", "did not meet the standards");
        }

        Map<String, Object> transfer() {
            return map("kind", "OFFICIAL", "circumstance", "NEW_JOB", "toOrgId", g, "toCellId", c2,
                    "decisionDate", "2026-03-01", "decisionNumber", "QĐ-2026-03-01", "decidingOrgId", g);
        }

        Map<String, Object> receipt() {
            return map("cellId", c2, "receivedOn", "2026-03-20");
        }

        Map<String, Object> temporary() {
            return map("hostCellId", c2, "reason", "WORK", "until", "2026-11-01", "decisionDate", "2026-06-01",
                    "decisionNumber", "QĐ-2026-06-01", "decidingOrgId", g);
        }

        Map<String, Object> temporaryEnd() {
            return map("endedOn", "2026-11-01");
        }

        /** A move to the fixture's unit, registered by the commune, on 2025-11-01. */
        Map<String, Object> residence() {
            return map("residenceUnitId", unit, "unitOrgId", commune, "effectiveDate", "2025-11-01");
        }

        /** An official who moved to the fixture's unit on 2025-06-01. */
        String moved() {
            String id = official();
            ok(http.post(m(id, "residence"), writer, with(residence(), "effectiveDate", "2025-06-01")));
            return id;
        }

        Map<String, Object> liaison() {
            return map("residenceCellId", c2, "category", "REGULAR", "registeredOn", "2024-12-01");
        }

        Map<String, Object> exemption() {
            return map("reason", "health", "decisionDate", "2026-02-01", "decisionNumber", "QĐ-2026-02-01",
                    "decidingOrgId", g);
        }

        Map<String, Object> discipline() {
            return map("level", "REPRIMAND", "reason", "late dues", "selfReportedAndRemedied", false,
                    "decisionDate", "2026-01-10", "decisionNumber", "QĐ-2026-01-10", "decidingOrgId", g);
        }

        Map<String, Object> rating() {
            return map("year", 2025, "level", "GOOD", "points", 82, "decisionDate", "2025-12-15",
                    "decisionNumber", "QĐ-2025-12-15", "decidingOrgId", g);
        }

        Map<String, Object> removal() {
            return map("ground", "NO_PROGRESS_AFTER_HELP", "decisionDate", "2026-05-01",
                    "decisionNumber", "QĐ-2026-05-01", "decidingOrgId", g);
        }

        Map<String, Object> letGo() {
            return map("ground", "ASKED_TO_LEAVE", "decisionDate", "2026-05-01", "decisionNumber", "QĐ-2026-05-01",
                    "decidingOrgId", g);
        }

        Map<String, Object> expulsion() {
            return map("reason", "serious violation", "decisionDate", "2026-07-01", "decisionNumber",
                    "QĐ-2026-07-01", "decidingOrgId", g);
        }

        Map<String, Object> death() {
            return map("dateOfDeath", "2025-10-10");
        }

        /** Annuls the expulsion of the expelled member: a valid correction. */
        Map<String, Object> correction() {
            return map("correctedEventId", expelledExpulsionEventId, "correctedSeq", 2, "kind", "ANNULLED",
                    "reason", "recorded in error", "decisionDate", "2025-11-20", "decisionNumber", "QĐ-2025-11-20",
                    "decidingOrgId", province);
        }

        Map<String, Object> unit(String unitId) {
            return map("unitId", unitId, "name", "Thôn Nà Tông", "kind", "VILLAGE");
        }

        String closurePath(String memberId, String kind) {
            return m(memberId, "reviews/" + kind + "/closure");
        }

        /** Keeps the member: closes an open review on 2026-01-20, by the member's cell. */
        Map<String, Object> closure() {
            return map("reason", "helped and improving", "decisionDate", "2026-01-20", "decisionNumber", "NQ-3/CB");
        }

        /** The grassroots committee's 2025 ratings of the members, each GOOD for 80 points. */
        Map<String, Object> ratingBatch(String... memberIds) {
            List<Object> entries = new ArrayList<>();
            for (String memberId : memberIds) {
                entries.add(map("memberId", memberId, "level", "GOOD", "points", 80));
            }
            return map("year", 2025, "decisionDate", "2025-12-20", "decisionNumber", "QĐ-2025-12-20",
                    "decidingOrgId", g, "ratings", entries);
        }

        /** Member ids that were never recorded, for bodies too large to read. */
        String[] manyIds(int count) {
            return IntStream.range(0, count).mapToObj(i -> "member-" + sfx + "-" + i).toArray(String[]::new);
        }

        Map<String, Object> position() {
            return map("position", "VILLAGE_HEAD", "holderName", "Ma Văn Sình");
        }

        Map<String, Object> vacancy() {
            return map("position", "YOUTH_SECRETARY");
        }
    }
}
