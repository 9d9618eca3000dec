package dev.keyward.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keyward.app.agent.AccessRequest.Access;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A headless agent allows what is within its scope and denies the rest, without asking anyone. */
class HeadlessApprovalsTest {

    private static final ClientProcess CLIENT = new ClientProcess(42, 1000, Optional.empty(), List.of(), Optional.empty(),
            OptionalLong.empty(), Optional.empty());
    private static final Map<String, List<String>> LINKS = Map.of("app", List.of("OPENAI_API_KEY"), "ops", List.of("AWS_KEY"));

    private static AccessRequest request(Access access, String project, String... secrets) {
        return new AccessRequest(CLIENT, List.of("x"), access, Optional.ofNullable(project), List.of(secrets));
    }

    private static Approval decide(Set<String> scope, AccessRequest request) {
        return new HeadlessApprovals(scope, p -> LINKS.getOrDefault(p, List.of())).decide(request);
    }

    @Test
    void withoutAProjectListEveryRequestIsWithinScope() {
        assertEquals(Approval.ALLOW_ONCE, decide(Set.of(), request(Access.REVEAL, null, "ANY")));
        assertEquals(Approval.ALLOW_ONCE, decide(Set.of(), request(Access.CHANGE, null, "NEW")));
    }

    @Test
    void aProjectListAllowsItsProjectsAndTheSecretsTheyLinkOnly() {
        Set<String> scope = Set.of("app");
        assertEquals(Approval.ALLOW_ONCE, decide(scope, request(Access.REVEAL, "app")));
        assertEquals(Approval.DENY, decide(scope, request(Access.REVEAL, "ops")));
        assertEquals(Approval.ALLOW_ONCE, decide(scope, request(Access.REVEAL, null, "OPENAI_API_KEY")));
        assertEquals(Approval.DENY, decide(scope, request(Access.REVEAL, null, "AWS_KEY")));
        assertEquals(Approval.DENY, decide(scope, request(Access.REVEAL, null)));
        assertEquals(Approval.DENY, decide(scope, request(Access.CHANGE, null, "OPENAI_API_KEY")),
                "a change that names no project is outside every project's scope");
    }
}
