package dev.facet.graph;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import dev.facet.downstream.accounts.UserDto;

/** The signed-in user's own account; its orders and recommendations are resolved by {@link AccountResolver}. */
@Description("The signed-in user's account")
public record User(@NonNull @Id String id, @NonNull String name, String email, Tier tier, String avatarUrl,
        Instant memberSince) {

    static User from(UserDto dto) {
        return new User(dto.id(), dto.name(), dto.email(), Enums.parse(Tier.class, dto.tier()), dto.avatarUrl(),
                dto.memberSince() == null ? null : Instant.parse(dto.memberSince()));
    }
}
