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
    private final AggregateStore<Organization> store;
    private final SubtreeGuard guard;

    OrganizationController(OrganizationRegistration registration, AggregateStore<Organization> store,
                           SubtreeGuard guard) {
        this.registration = registration;
        this.store = store;
        this.guard = guard;
    }

    @PostMapping
    @PreAuthorize("hasAuthority('" + Roles.AGENCY_WRITER + "')")
    ResponseEntity<OrganizationView> register(@Valid @RequestBody RegisterOrganizationRequest request) {
        OrganizationView registered = registration.register(Caller.current(), request);
        return ResponseEntity.created(URI.create("/organizations/" + registered.id())).body(registered);
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
