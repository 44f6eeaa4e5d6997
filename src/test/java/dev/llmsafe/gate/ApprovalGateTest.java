package dev.llmsafe.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmsafe.identity.ActorClassifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ApprovalGateTest {
    private static final List<String> PRODUCTION = List.of("production-approval", "production");
    private static final GithubUser ACTOR = new GithubUser("carol", 3, "User");
    private static final GithubUser RERUNNER = new GithubUser("dave", 4, "User");
    /** People, the run's actors, a bot by type, a bot by login, an AI identity and the change's author. */
    private static final List<GithubUser> POOL = List.of(
            new GithubUser("alice", 1, "User"),
            new GithubUser("bob", 2, "User"),
            ACTOR,
            RERUNNER,
            new GithubUser("ci-helper", 5, "Bot"),
            new GithubUser("deployer[bot]", 6, "User"),
            new GithubUser("code-agent", 7, "User"),
            new GithubUser("erin", 8, "User"));

    private static final Set<Long> INELIGIBLE = Set.of(3L, 4L, 5L, 6L, 7L, 8L);
    /** erin wrote the change the properties' runs deploy. */
    private static final ChangeAuthors BY_ERIN = new ChangeAuthors(
            "0".repeat(40),
            List.of(new Contribution(POOL.get(7), "Erin", "erin@acme.example", "author of commit 0000000")),
            List.of());

    private final ApprovalGate gate = new ApprovalGate(ActorClassifier.withDefaults(Set.of("code-agent")));

    private static RunApprovals run(Approval... approvals) {
        return run(List.of(approvals));
    }

    private static RunApprovals run(List<Approval> approvals) {
        return RunApprovals.builder()
                .runId(42)
                .attempt(1)
                .actor(ACTOR)
                .triggeringActor(RERUNNER)
                .change(BY_ERIN)
                .approvals(approvals)
                .build();
    }

    private static Approval approved(GithubUser user, String... envs) {
        return new Approval(List.of(envs), "approved", "", user);
    }

    @Test
    void twoPeopleOneEnvironmentEachPass() {
        var v = gate.evaluate(
                run(approved(POOL.get(0), "production-approval"), approved(POOL.get(1), "production")),
                PRODUCTION,
                2,
                true);
        assertThat(v.passed()).isTrue();
        assertThat(v.counted()).extracting(c -> c.user().login()).containsExactly("alice", "bob");
    }

    @Test
    void onePersonApprovingBothEnvironmentsAtOnceIsOne() {
        var v = gate.evaluate(run(approved(POOL.get(0), "production-approval", "production")), PRODUCTION, 2, true);
        assertThat(v.passed()).isFalse();
        assertThat(v.failures()).containsExactly("1 distinct human approved; 2 required");
    }

    @Test
    void twoPeopleInOneEnvironmentLeaveTheOtherUnapproved() {
        var v = gate.evaluate(
                run(approved(POOL.get(0), "production"), approved(POOL.get(1), "production")), PRODUCTION, 2, true);
        assertThat(v.failures()).containsExactly("no counted human approved environment production-approval");
    }

    @Test
    void aReRunFailsOnlyWhenFirstAttemptsAreRequired() {
        var rerun = RunApprovals.builder()
                .runId(42)
                .attempt(2)
                .actor(ACTOR)
                .triggeringActor(RERUNNER)
                .change(BY_ERIN)
                .approvals(List.of(approved(POOL.get(0), "production-approval"), approved(POOL.get(1), "production")))
                .build();
        assertThat(gate.evaluate(rerun, PRODUCTION, 2, true).failures())
                .singleElement()
                .asString()
                .startsWith("this is attempt 2 of run 42");
        assertThat(gate.evaluate(rerun, PRODUCTION, 2, false).passed()).isTrue();
    }

    @Test
    void rejectsNonsenseArguments() {
        assertThatThrownBy(() -> gate.evaluate(run(), List.of(), 2, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gate.evaluate(run(), PRODUCTION, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<List<Approval>> approvals() {
        Arbitrary<Approval> one = Combinators.combine(
                        Arbitraries.of(POOL),
                        Arbitraries.of("production-approval", "production", "staging")
                                .set()
                                .ofMinSize(1)
                                .ofMaxSize(2),
                        Arbitraries.of("approved", "approved", "approved", "rejected"))
                .as((user, envs, state) -> new Approval(new ArrayList<>(envs), state, "", user));
        return one.list().ofMaxSize(8);
    }

    /** The gate agrees with the rule stated plainly, for any mix of approvers, environments and states. */
    @Property(tries = 2000)
    void passesExactlyWhenTheStatedRuleHolds(
            @ForAll("approvals") List<Approval> approvals, @ForAll @IntRange(min = 1, max = 3) int minHumans) {
        boolean rejected = approvals.stream()
                .anyMatch(a -> a.rejected() && a.environments().stream().anyMatch(PRODUCTION::contains));
        Set<Long> people = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (Approval a : approvals) {
            if (a.approved() && !INELIGIBLE.contains(a.user().id())) {
                List<String> listed =
                        a.environments().stream().filter(PRODUCTION::contains).toList();
                if (!listed.isEmpty()) {
                    people.add(a.user().id());
                    covered.addAll(listed);
                }
            }
        }
        boolean expected = !rejected && people.size() >= minHumans && covered.containsAll(PRODUCTION);
        var verdict = gate.evaluate(run(approvals), PRODUCTION, minHumans, true);
        assertThat(verdict.passed()).isEqualTo(expected);
        assertThat(verdict.counted())
                .allSatisfy(c -> assertThat(INELIGIBLE).doesNotContain(c.user().id()));
    }

    /**
     * Whatever else happened, approvals by bots, AI identities, the run's own actors or the change's author never
     * tip a failing gate.
     */
    @Property(tries = 1000)
    void ineligibleApprovalsNeverMakeAGatePass(
            @ForAll("approvals") List<Approval> approvals, @ForAll @IntRange(min = 2, max = 7) int index) {
        var before = gate.evaluate(run(approvals), PRODUCTION, 2, true);
        List<Approval> more = new ArrayList<>(approvals);
        more.add(approved(POOL.get(index), "production-approval", "production"));
        var after = gate.evaluate(run(more), PRODUCTION, 2, true);
        if (!before.passed()) {
            assertThat(after.passed()).isFalse();
        }
    }
}
