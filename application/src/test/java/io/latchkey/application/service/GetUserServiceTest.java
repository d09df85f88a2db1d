package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.application.usecase.GetUserCommand;
import io.latchkey.domain.error.UserNotFoundException;
import io.latchkey.domain.model.user.User;
import io.latchkey.domain.model.user.UserId;
import io.latchkey.domain.testfixtures.InMemoryUserRepository;
import io.latchkey.domain.testfixtures.UserFixtures;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GetUserServiceTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final GetUserService service = new GetUserService(users);

    @Test
    void givenAStoredAccount_get_answersItAsStored() {
        User user = users.insert(UserFixtures.anActiveUser(Instant.parse("2026-11-30T10:00:00Z"))).block();

        assertThat(service.get(new GetUserCommand(user.id())).block()).isEqualTo(user);
    }

    @Test
    void givenAnUnknownId_get_failsWithUserNotFound() {
        assertThatThrownBy(() -> service.get(new GetUserCommand(new UserId(UUID.randomUUID()))).block())
                .isInstanceOf(UserNotFoundException.class);
    }
}
