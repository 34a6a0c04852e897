package chibo.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesBeforeBindingTest {

    static class Handlers {

        @PreAuthorize("hasAuthority('agency-writer')")
        public void byRole(String memberId) {
        }

        public void open() {
        }

        @PreAuthorize("hasAuthority('agency-writer') and #memberId.startsWith('TQ')")
        public void byArgument(String memberId) {
        }
    }

    @PreAuthorize("#orgId == 'TQ'")
    static class ArgumentRuleOnTheClass {

        public void anything(String orgId) {
        }
    }

    private static HandlerMethod handler(Object bean, String name) throws NoSuchMethodException {
        return new HandlerMethod(bean, name.equals("open") ? bean.getClass().getMethod(name)
                : bean.getClass().getMethod(name, String.class));
    }

    @Test
    void rules_decidable_from_the_token_alone_are_accepted() throws Exception {
        Handlers handlers = new Handlers();

        assertThatCode(() -> RolesBeforeBinding.requireDecidable(List.of(handler(handlers, "byRole"),
                handler(handlers, "open")))).doesNotThrowAnyException();
    }

    @Test
    void a_rule_naming_an_argument_is_refused_when_the_service_starts_as_nothing_would_decide_it() throws Exception {
        Handlers handlers = new Handlers();

        assertThatThrownBy(() -> RolesBeforeBinding.requireDecidable(List.of(handler(handlers, "byRole"),
                handler(handlers, "byArgument"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("byArgument")
                .hasMessageContaining("#memberId");
        assertThatThrownBy(() -> RolesBeforeBinding.requireDecidable(List.of(
                handler(new ArgumentRuleOnTheClass(), "anything"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("#orgId");
    }
}
