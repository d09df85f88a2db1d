package io.latchkey.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.UserId;
import io.lettuce.core.cluster.SlotHash;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * On a Redis Cluster a Lua script may only touch keys of one slot (else CROSSSLOT): every key the per-user scripts
 * name or build (put-session, put-profile, evict-session, evict-user, the MFA challenge) hashes to its user's slot.
 */
class RedisKeysClusterSlotTest {

    @Test
    void givenOneUser_everyKeyOfTheirsHashesToOneSlot_andAnotherUsersMostlyToAnother() {
        UserId user = new UserId(UUID.randomUUID());
        SessionId session = new SessionId(UUID.randomUUID());
        List<String> keys = List.of(RedisKeys.purgeCount(user), RedisKeys.session(user, session),
                RedisKeys.sessionIndex(user), RedisKeys.profile(user), RedisKeys.mfaChallenge(user, "ab12"),
                // evict-user deletes ARGV[1] .. sid for each member of the index: a key the script builds itself.
                RedisKeys.sessionPrefix(user) + new SessionId(UUID.randomUUID()));
        Set<Integer> slots = keys.stream().map(SlotHash::getSlot).collect(Collectors.toSet());
        assertThat(slots).as("slots of %s", keys).hasSize(1);

        // The tag is the user id, not a constant: users spread over the cluster's slots.
        Set<Integer> userSlots = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> SlotHash.getSlot(RedisKeys.purgeCount(new UserId(UUID.randomUUID()))))
                .collect(Collectors.toSet());
        assertThat(userSlots).hasSizeGreaterThan(40);
    }
}
