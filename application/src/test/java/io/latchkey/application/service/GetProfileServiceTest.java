package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.GetProfileCommand;
import io.latchkey.domain.model.user.PersonName;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.testfixtures.UserFixtures;
import org.junit.jupiter.api.Test;

class GetProfileServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final GetProfileService service = kit.profiles();
    private final User user = UserFixtures.anActiveUser(kit.clock.instant());

    GetProfileServiceTest() {
        kit.users.insert(user).block();
    }

    @Test
    void givenCachedProfile_getProfile_ignoresChangesToTheRecordUntilPurged() {
        assertThat(service.getProfile(new GetProfileCommand(user.id())).block().name().first()).isEqualTo("Ada");
        kit.users.replace(withFirstName(user, "Changed"));
        assertThat(service.getProfile(new GetProfileCommand(user.id())).block().name().first()).isEqualTo("Ada");
        kit.cache.evictLocalUser(user.id()).block();
        assertThat(service.getProfile(new GetProfileCommand(user.id())).block().name().first())
                .as("Redis still holds it").isEqualTo("Ada");
        kit.cache.evictUser(user.id()).block();
        assertThat(service.getProfile(new GetProfileCommand(user.id())).block().name().first()).isEqualTo("Changed");
    }

    @Test
    void givenCacheDown_getProfile_readsTheRecord_andKeepsItNearUntilPurged() {
        kit.cache.simulateOutage(true);
        assertThat(service.getProfile(new GetProfileCommand(user.id())).block().id()).isEqualTo(user.id());
        kit.users.replace(withFirstName(user, "Changed"));
        assertThat(service.getProfile(new GetProfileCommand(user.id())).block().name().first()).isEqualTo("Ada");
        kit.cache.evictLocalUser(user.id()).block();
        assertThat(service.getProfile(new GetProfileCommand(user.id())).block().name().first()).isEqualTo("Changed");
    }

    private static User withFirstName(User u, String first) {
        return new User(u.id(), u.email(), u.passwordHash(), new PersonName(first, u.name().last()), u.status(), u.roles(),
                u.emailVerified(), u.authEpoch(), u.createdAt(), u.updatedAt());
    }
}
