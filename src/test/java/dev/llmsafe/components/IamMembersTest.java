package dev.llmsafe.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one vocabulary for granting a component's role, and the one place its members are checked. */
class IamMembersTest {

    @Test
    void grantsAreNamedByTheirKeyInTheOrderGiven() {
        var members = IamMembers.builder()
                .add("review", Output.of("serviceAccount:run-review@p.iam.gserviceaccount.com"))
                .add("review", Output.of("serviceAccount:deploy-review@p.iam.gserviceaccount.com"))
                .add("production", "group:oncall@acme.com")
                .build();
        List<String> grants = new ArrayList<>();
        members.forEachGrant((name, member) -> grants.add(name));
        assertThat(grants).containsExactly("review", "review-1", "production");
        assertThat(members.keys()).containsExactly("review", "production");
        assertThat(members.get("review")).hasSize(2);
        assertThat(members.get("staging")).isEmpty();
        assertThat(IamMembers.listed(List.of("user:ada@acme.com", "domain:acme.com"))
                        .keys())
                .containsExactly("0", "1");
        assertThat(IamMembers.of(Map.of()).isEmpty()).isTrue();
    }

    @Test
    void thePublicIsNeverAMemberAndKeysMustSuitResourceNames() {
        for (String publicMember : List.of("allUsers", "allAuthenticatedUsers", "user:", "ada@acme.com")) {
            assertThatThrownBy(() -> IamMembers.listed(List.of(publicMember)))
                    .as(publicMember)
                    .hasMessageContaining("'" + publicMember + "'")
                    .hasMessageContaining("allowPublicInvoker");
        }
        for (String key : List.of("Review", "", "a_b", "x".repeat(32), "-review")) {
            assertThatThrownBy(() -> IamMembers.of(key, Output.of("user:ada@acme.com")))
                    .as(key)
                    .hasMessageContaining("'" + key + "'");
        }
        assertThatThrownBy(() -> IamMembers.of("review", null)).hasMessageContaining("review");
    }

    @Test
    void ciVariablesBelongToKnownEnvironmentsUnderValidNames() {
        var vars = CiVariables.builder(List.of("review", "staging"))
                .shared("GCP_PROJECT", Output.of("p"))
                .each("GCP_SERVICE_ACCOUNT", Map.of("review", Output.of("r"), "staging", Output.of("s")))
                .build();
        assertThat(vars.environments()).containsExactly("review", "staging");
        assertThat(vars.of("staging").keySet()).containsExactly("GCP_PROJECT", "GCP_SERVICE_ACCOUNT");
        assertThat(vars.of("production")).isEmpty();
        assertThatThrownBy(() -> CiVariables.builder(List.of("review")).put("prod", "A", Output.of("b")))
                .hasMessageContaining("'prod'");
        assertThatThrownBy(() -> CiVariables.builder(List.of("review")).shared("GITHUB_SHA", Output.of("b")))
                .hasMessageContaining("GITHUB_SHA");
        assertThatThrownBy(() -> CiVariables.builder(List.of("review", "staging"))
                        .each("PULUMI_STATE_BUCKET", Map.of("review", Output.of("b"))))
                .hasMessageContaining("PULUMI_STATE_BUCKET")
                .hasMessageContaining("staging");
    }
}
