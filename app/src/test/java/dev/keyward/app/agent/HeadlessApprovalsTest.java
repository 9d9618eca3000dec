package dev.keyward.app.agent;

import static dev.keyward.app.agent.Requests.change;
import static dev.keyward.app.agent.Requests.inTerminal;
import static dev.keyward.app.agent.Requests.reveal;
import static dev.keyward.app.agent.Requests.runProject;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.app.error.CliMessage;
import dev.keyward.app.error.ErrorWording;
import dev.keyward.vault.redact.Redactor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HeadlessApprovalsTest {

    private final List<ApprovalOutcome> audited = new CopyOnWriteArrayList<>();
    private final ProjectSecrets links = project -> Map.of("api", Set.of("OPENAI_API_KEY", "DB_URL"),
            "web", Set.of("STRIPE_KEY")).getOrDefault(project, Set.of());
    private final ClientProcess client = inTerminal(10, 42, "/dev/pts/3");

    private HeadlessApprovals approvals(AgentScope scope) {
        return new HeadlessApprovals(scope, links, (c, outcome) -> audited.add(outcome), Redactor.formatsOnly());
    }

    @Test
    void anAgentForEveryProjectAllowsEverythingWithoutAsking() {
        HeadlessApprovals every = approvals(AgentScope.of(List.of()));
        assertEquals(Approval.ALLOW_ONCE, every.decide(reveal(client, "ANYTHING")));
        assertEquals(Approval.ALLOW_ONCE, every.decide(change(client, "NEW_ONE")));
        assertEquals(Approval.ALLOW_ONCE, every.decide(runProject(client, "web")));
        assertEquals(List.of(ApprovalOutcome.ALLOWED_IN_SCOPE, ApprovalOutcome.ALLOWED_IN_SCOPE,
                ApprovalOutcome.ALLOWED_IN_SCOPE), audited);
    }

    @Test
    void anAgentForSomeProjectsAllowsOnlyTheirProjectsAndSecrets() {
        HeadlessApprovals api = approvals(AgentScope.of(List.of("api")));
        assertEquals(Approval.ALLOW_ONCE, api.decide(runProject(client, "api")));
        assertEquals(Approval.ALLOW_ONCE, api.decide(reveal(client, "OPENAI_API_KEY")));
        assertEquals(Approval.DENY, api.decide(runProject(client, "web")));
        assertEquals(Approval.DENY, api.decide(reveal(client, "STRIPE_KEY")), "a secret of another project");
        assertEquals(Approval.DENY, api.decide(change(client, "UNMAPPED")), "a secret of no project");
        assertEquals(Approval.DENY, api.decide(new AccessRequest(client, List.of("env", "export"),
                AccessRequest.Access.REVEAL, Optional.empty(), List.of())), "a request naming nothing");
        assertEquals(Approval.DENY, api.decide(new AccessRequest(client, List.of("run", "--project", "api"),
                AccessRequest.Access.REVEAL, Optional.of("api"), List.of("STRIPE_KEY"))), "inside and outside at once");
        assertEquals(2, audited.stream().filter(o -> o == ApprovalOutcome.ALLOWED_IN_SCOPE).count());
        assertEquals(5, audited.stream().filter(o -> o == ApprovalOutcome.REFUSED_OUTSIDE_SCOPE).count());
    }

    @Test
    void aChangeNamingNoProjectIsOutsideALimitedScopeWhileReadingTheSameSecretIsInside() {
        HeadlessApprovals api = approvals(AgentScope.of(List.of("api")));
        assertEquals(Approval.DENY, api.decide(change(client, "OPENAI_API_KEY")), "a mapped secret's value is every project's");
        assertEquals(Approval.ALLOW_ONCE, api.decide(reveal(client, "OPENAI_API_KEY")));
        assertEquals(Approval.ALLOW_ONCE, api.decide(new AccessRequest(client, List.of("project", "unlink", "api", "DB_URL"),
                AccessRequest.Access.CHANGE, Optional.of("api"), List.of("DB_URL"))), "a change to the scope's own project");
        assertEquals(Approval.DENY, api.decide(new AccessRequest(client, List.of("project", "link", "api", "STRIPE_KEY"),
                AccessRequest.Access.CHANGE, Optional.of("api"), List.of("STRIPE_KEY"))), "linking in a secret would widen the scope");
    }

    @Test
    void aRefusalOutsideTheScopeExitsWithSixAndNamesTheScope() {
        HeadlessApprovals api = approvals(AgentScope.of(List.of("web", "api")));
        AccessRequest outside = runProject(client, "other");
        assertEquals(Approval.DENY, api.decide(outside));
        CliMessage cli = ErrorWording.forCli(api.refusal(outside));
        assertEquals(ErrorWording.REFUSED, cli.exitCode());
        assertEquals("This agent serves only the projects api, web, and the request reaches beyond them;"
                + " nothing was shared.", cli.text());
    }

    @Test
    void anAllowThatCannotBeAuditedIsRefused() {
        HeadlessApprovals failing = new HeadlessApprovals(AgentScope.everyProject(), links, (c, o) -> {
            throw new IllegalStateException("read-only");
        }, Redactor.formatsOnly());
        AccessRequest request = reveal(client, "A");
        assertEquals(Approval.DENY, failing.decide(request));
        assertEquals(ApprovalErrorKind.NOT_RECORDED, failing.refusal(request).kind());
    }
}
