package chibo.membership.organization;

import chibo.platform.eventstore.AggregateStore;
import chibo.platform.security.Caller;
import chibo.platform.security.Roles;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/organizations")
class OrganizationController {

    private final OrganizationRegistration registration;
    private final OrganizationChanges changes;
    private final AggregateStore<Organization> store;
    private final SubtreeGuard guard;

    OrganizationController(OrganizationRegistration registration, OrganizationChanges changes,
                           AggregateStore<Organization> store, SubtreeGuard guard) {
        this.registration = registration;
        this.changes = changes;
        this.store = store;
        this.guard = guard;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    ResponseEntity<OrganizationView> register(@Valid @RequestBody RegisterOrganizationRequest request) {
        OrganizationView registered = registration.register(Caller.current(), request);
        return ResponseEntity.created(URI.create("/organizations/" + registered.id())).body(registered);
    }

    @PostMapping("/{id}/rename")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView rename(@PathVariable String id, @Valid @RequestBody OrganizationRequests.Rename request) {
        return changes.rename(Caller.current(), id, request);
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView move(@PathVariable String id, @Valid @RequestBody OrganizationRequests.Move request) {
        return changes.move(Caller.current(), id, request);
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView merge(@PathVariable String id, @Valid @RequestBody OrganizationRequests.Merge request) {
        return changes.merge(Caller.current(), id, request);
    }

    @PostMapping("/{id}/dissolution")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView dissolve(@PathVariable String id, @Valid @RequestBody OrganizationRequests.Dissolution request) {
        return changes.dissolve(Caller.current(), id, request);
    }

    @PostMapping("/{id}/units")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView registerUnit(@PathVariable String id,
                                  @Valid @RequestBody OrganizationRequests.RegisterUnit request) {
        return changes.registerUnit(Caller.current(), id, request);
    }

    @PostMapping("/{id}/units/{unitId}/coverage")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView coverUnit(@PathVariable String id, @PathVariable String unitId,
                               @Valid @RequestBody OrganizationRequests.CoverUnit request) {
        return changes.coverUnit(Caller.current(), id, unitId, request);
    }

    @PostMapping("/{id}/units/{unitId}/positions")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView assignPosition(@PathVariable String id, @PathVariable String unitId,
                                    @Valid @RequestBody OrganizationRequests.AssignPosition request) {
        return changes.assignPosition(Caller.current(), id, unitId, request);
    }

    @PostMapping("/{id}/units/{unitId}/vacancies")
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    OrganizationView vacatePosition(@PathVariable String id, @PathVariable String unitId,
                                    @Valid @RequestBody OrganizationRequests.VacatePosition request) {
        return changes.vacatePosition(Caller.current(), id, unitId, request);
    }

    @GetMapping("/{id}/units")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    java.util.Collection<Organization.Unit> units(@PathVariable String id) {
        var current = store.load(id);
        if (!current.exists()) {
            throw Problems.notFound("organisation", id);
        }
        guard.requireReadable(Caller.current(), id, "id");
        return current.state().units().values();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyAuthority('" + Roles.AGENCY_WRITER + "', '" + Roles.DASHBOARD_READER + "', '"
            + Roles.AUDITOR + "')")
    OrganizationView get(@PathVariable String id) {
        var current = store.load(id);
        if (!current.exists()) {
            throw Problems.notFound("organisation", id);
        }
        guard.requireReadable(Caller.current(), id, "id");
        return registration.view(current.state(), current.seq());
    }
}
