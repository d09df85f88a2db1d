package io.latchkey.domain.model.user;

import java.util.List;

/** One page of an administrator's user listing, with the total number of matches. */
public record UserPage(List<User> users, long total, int page, int size) {

    public UserPage {
        users = List.copyOf(users);
    }
}
