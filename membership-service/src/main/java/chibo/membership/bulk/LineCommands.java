package chibo.membership.bulk;

import chibo.membership.admission.AdmitMemberRequest;
import chibo.membership.admission.Admissions;
import chibo.membership.correction.CorrectionRequest;
import chibo.membership.correction.Corrections;
import chibo.membership.enrolment.EnrolmentRequest;
import chibo.membership.enrolment.Enrolments;
import chibo.membership.leaving.Leaving;
import chibo.membership.leaving.LeavingRequests;
import chibo.membership.organization.OrganizationRegistration;
import chibo.membership.organization.RegisterOrganizationRequest;
import chibo.membership.probation.Probation;
import chibo.membership.probation.ProbationRequests;
import chibo.membership.readmission.ReadmissionRequest;
import chibo.membership.readmission.Readmissions;
import chibo.membership.residence.ResidenceRequest;
import chibo.membership.residence.Residences;
import chibo.membership.standing.Standing;
import chibo.membership.standing.StandingRequests;
import chibo.membership.transfer.TransferRequests;
import chibo.membership.transfer.Transfers;
import chibo.platform.security.Caller;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemHandler;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import chibo.platform.web.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The commands an import line can carry: the same request bodies, validation, rules and services as the REST
 * API, one {@code command} per line. A member's lines name the member in {@code memberId}.
 */
@Component
public class LineCommands {

    /** What a line asks for. */
    @FunctionalInterface
    interface Command {
        Object run(Caller caller, String memberId, JsonNode body);
    }

    private final Map<String, Command> commands = new TreeMap<>();
    private final JsonMapper json;
    private final Validator validator;

    LineCommands(JsonMapper json, Validator validator, OrganizationRegistration organizations, Admissions admissions,
                 Readmissions readmissions, Enrolments enrolments, Probation probation, Transfers transfers,
                 Standing standing, Leaving leaving, Corrections corrections, Residences residences) {
        this.json = json;
        this.validator = validator;
        commands.put("register-organization", (c, m, b) -> organizations.register(c,
                read(b, RegisterOrganizationRequest.class)));
        commands.put("admit", (c, m, b) -> admissions.admit(c, read(withMember(b, m), AdmitMemberRequest.class)));
        commands.put("readmit", (c, m, b) -> readmissions.readmit(c,
                read(withMember(b, m), ReadmissionRequest.class)));
        commands.put("enrol", (c, m, b) -> enrolments.enrol(c, read(withMember(b, m), EnrolmentRequest.class)));
        commands.put("swear-in", (c, m, b) -> probation.swearIn(c, m, null,
                read(b, ProbationRequests.SwearingIn.class)));
        commands.put("recognize", (c, m, b) -> probation.recognize(c, m, null,
                read(b, ProbationRequests.Recognition.class)));
        commands.put("fail-probation", (c, m, b) -> probation.fail(c, m, null,
                read(b, ProbationRequests.Failure.class)));
        commands.put("start-transfer", (c, m, b) -> transfers.start(c, m, null,
                read(b, TransferRequests.Start.class)));
        commands.put("receive-transfer", (c, m, b) -> transfers.receive(c, m, null,
                read(b, TransferRequests.Receipt.class)));
        commands.put("start-temporary-transfer", (c, m, b) -> transfers.startTemporary(c, m, null,
                read(b, TransferRequests.TemporaryStart.class)));
        commands.put("end-temporary-transfer", (c, m, b) -> transfers.endTemporary(c, m, null,
                read(b, TransferRequests.TemporaryEnd.class)));
        commands.put("register-liaison", (c, m, b) -> transfers.registerLiaison(c, m, null,
                read(b, TransferRequests.Liaison.class)));
        commands.put("change-residence", (c, m, b) -> residences.change(c, m, null,
                read(b, ResidenceRequest.class)));
        commands.put("exempt", (c, m, b) -> standing.exempt(c, m, null, read(b, StandingRequests.Exemption.class)));
        commands.put("discipline", (c, m, b) -> standing.discipline(c, m, null,
                read(b, StandingRequests.Discipline.class)));
        commands.put("rate", (c, m, b) -> standing.rate(c, m, null, read(b, StandingRequests.Rating.class)));
        commands.put("remove", (c, m, b) -> leaving.remove(c, m, null, read(b, LeavingRequests.Removal.class)));
        commands.put("let-go", (c, m, b) -> leaving.letGo(c, m, null, read(b, LeavingRequests.LetGo.class)));
        commands.put("expel", (c, m, b) -> leaving.expel(c, m, null, read(b, LeavingRequests.Expulsion.class)));
        commands.put("record-death", (c, m, b) -> leaving.recordDeath(c, m, null,
                read(b, LeavingRequests.Death.class)));
        commands.put("correct", (c, m, b) -> corrections.correct(c, m, null, read(b, CorrectionRequest.class)));
    }

    public Set<String> names() {
        return commands.keySet();
    }

    /** Runs a line's command as the caller; refusals are {@link ProblemException}s, as over REST. */
    public Object run(Caller caller, ParsedLine line) {
        Command command = commands.get(line.command());
        if (command == null) {
            throw Problems.invalid("command", "known-command", "unknown command '" + line.command() + "'; one of "
                    + commands.keySet());
        }
        return command.run(caller, line.memberId(), line.body());
    }

    private static JsonNode withMember(JsonNode body, String memberId) {
        if (memberId == null || body.has("memberId")) {
            return body;
        }
        return ((ObjectNode) body.deepCopy()).put("memberId", memberId);
    }

    private <T> T read(JsonNode body, Class<T> type) {
        T request;
        try {
            request = json.treeToValue(body, type);
        } catch (JacksonException e) {
            throw Problems.invalid(ProblemHandler.path(e), "type", e.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<FieldProblem> errors = violations.stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), ProblemHandler.kebab(v.getConstraintDescriptor()
                            .getAnnotation().annotationType().getSimpleName()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field)).toList();
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request",
                    errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                            .orElse(""), errors, Map.of());
        }
        return request;
    }
}
